/**
 * learn-api's routes and schemas as TypeScript types, generated from its OpenAPI document.
 * Do not edit: run `pnpm --filter @learntrac/web generate:learn-api` after changing learn-api.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database and the cache answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
                /** @description Not ready; `failed` names what did not answer */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database and the cache answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
                /** @description Not ready; `failed` names what did not answer */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is, and what they may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Learning paths, newest first: the shared paths you may see and your personal ones */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    kind?: components["schemas"]["PathKind"];
                    status?: components["schemas"]["PathStatus"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of paths */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathList"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Build a path of concept tickets from material (shared paths: instructors)
         * @description Picks the concepts of the material found by `query` or given as `chunkIds`, creates one concept ticket per concept with prerequisites read from the material, in one transaction.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePathInput"];
                };
            };
            responses: {
                /** @description The new path with its concepts */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNPROCESSABLE */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A path: its concepts, their prerequisites, and your status, score and locks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The path */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, retune, publish or archive a path (shared paths: instructors) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePathInput"];
                };
            };
            responses: {
                /** @description The path */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/learntrac/paths/{id}/concepts/{ticketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a concept of a path: name, description, difficulty, mastery threshold */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EditConceptInput"];
                };
            };
            responses: {
                /** @description The path */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/learntrac/paths/{id}/concepts/{ticketId}/prerequisites/{prerequisiteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make the concept need another concept of the path first
         * @description Adding an existing prerequisite changes nothing. Refused with 409 when the edge would close a cycle; the message names it (`#12 -> #15 -> #12`).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    ticketId: number;
                    prerequisiteId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The path */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Drop a prerequisite of the concept */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    ticketId: number;
                    prerequisiteId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The path */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathDetail"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths/{id}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What you are ready to learn on the path, and your reviews that are due */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready concepts and due reviews */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NextSteps"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every learner’s standing on each concept of the path (instructors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Learner by concept matrix */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathProgress"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths/{id}/question-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How each question of the path fares: attempts, learners, mean score (instructors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One entry per question, in path order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PathQuestionStats"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/paths/{id}/learners/{learnerId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One learner’s answers on the path, newest first (instructors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The learner’s Cognito sub */
                    learnerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attempts, at most 500 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LearnerAttempts"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your standing on every concept you worked on, and per path */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your progress */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OwnProgress"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/progress/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your mastery and answers day by day */
        get: {
            parameters: {
                query?: {
                    /** @description How many days back, today included */
                    days?: number;
                    /** @description Count only this path’s concepts */
                    pathId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One entry per day, oldest first, today last */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProgressHistory"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/concepts/{ticketId}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A concept's questions (learners: approved ones, without answers) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The questions, easiest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConceptQuestions"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/concepts/{ticketId}/questions/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write new questions for a concept from its material (reviewers; learners for their personal paths) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GenerateQuestionsInput"];
                };
            };
            responses: {
                /** @description The new questions, each grounded in its source chunks */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeneratedQuestions"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNPROCESSABLE */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/concepts/{ticketId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own answers on a concept, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your attempts with their grades */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OwnAttempts"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Approve, reject or edit a question */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateQuestionInput"];
                };
            };
            responses: {
                /** @description The question as it now stands */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewedQuestion"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/learntrac/questions/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a question with a new one of the same kind; the old one is rejected (reviewers; learners on their personal paths) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new question, waiting for review */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewedQuestion"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNPROCESSABLE */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/questions/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question: graded at once, with feedback; every attempt is kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnswerInput"];
                };
            };
            responses: {
                /** @description The graded attempt */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerResult"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/review/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's review cards that are due (or fall due before a given moment), most overdue first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description List cards due up to this moment instead of now, at most a week ahead */
                    before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Due cards, each with a question to answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DueCards"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/review/{cardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review a card by answering one of its concept's questions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cardId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewInput"];
                };
            };
            responses: {
                /** @description The graded answer, the rating it earned and the rescheduled card */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewResult"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Course material, newest first (learners see published material only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of documents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentList"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload course material (PDF, HTML, Markdown or text) to be indexed
         * @description Answers 202 with the new document, whose status then moves from `queued` to `indexed` (or `failed` with a reason). Content already uploaded answers 200 with the existing document.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description PDF, HTML, Markdown or plain text
                         */
                        file: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description The same content was uploaded before: the existing document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description Queued for indexing */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNPROCESSABLE */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One document with its ingestion status, progress and outline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentWithOutline"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a document with its chunks and vectors */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a document, or publish it to learners */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateDocumentInput"];
                };
            };
            responses: {
                /** @description The document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/learntrac/documents/{id}/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extract and embed a document again (e.g. after the embedder changed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued for indexing */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/documents/{id}/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document’s sections with their chunk ids, to build a path from chosen sections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sections in reading order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentSections"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learntrac/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search course material by meaning and by words
         * @description Fuses the chunks nearest the query in meaning with those matching its words. Learners search published material; instructors all of it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SearchInput"];
                };
            };
            responses: {
                /** @description Hits, best first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResult"];
                    };
                };
                /** @description VALIDATION_FAILED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORIZED */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
                /** @enum {string} */
                database: "ok" | "failed";
                /** @enum {string} */
                cache: "ok" | "failed";
            };
            /**
             * @example [
             *       "database"
             *     ]
             */
            failed: ("database" | "cache")[];
        };
        Me: {
            /** @example 0b5c2f6e-1111-4e0c-9d4b-2a7c9e0c1234 */
            sub: string;
            /** @example ada */
            username: string;
            /** @description Present only when the access token carries an email claim */
            email: string | null;
            /**
             * @example [
             *       "learners"
             *     ]
             */
            groups: string[];
            /** @description What Trac's permission table grants the caller, meta-permissions expanded */
            permissions: ("TICKET_VIEW" | "TICKET_CREATE" | "TICKET_APPEND" | "TICKET_CHGPROP" | "TICKET_MODIFY" | "TICKET_EDIT_CC" | "TICKET_EDIT_DESCRIPTION" | "TICKET_EDIT_COMMENT" | "TICKET_BATCH_MODIFY" | "TICKET_ADMIN" | "MILESTONE_VIEW" | "MILESTONE_CREATE" | "MILESTONE_MODIFY" | "MILESTONE_DELETE" | "MILESTONE_ADMIN" | "ROADMAP_VIEW" | "REPORT_VIEW" | "REPORT_SQL_VIEW" | "REPORT_CREATE" | "REPORT_MODIFY" | "REPORT_DELETE" | "REPORT_ADMIN" | "WIKI_VIEW" | "WIKI_CREATE" | "WIKI_MODIFY" | "WIKI_RENAME" | "WIKI_DELETE" | "WIKI_ADMIN" | "TIMELINE_VIEW" | "SEARCH_VIEW" | "PERMISSION_GRANT" | "PERMISSION_REVOKE" | "PERMISSION_ADMIN" | "LEARNING_VIEW" | "LEARNING_ANSWER" | "LEARNING_PROGRESS_OWN" | "LEARNING_PROGRESS_ALL" | "LEARNING_MANAGE" | "LEARNING_INGEST" | "LEARNING_REVIEW" | "TRAC_ADMIN")[];
        };
        Error: {
            /** @enum {string} */
            code: "BAD_REQUEST" | "VALIDATION_FAILED" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNPROCESSABLE" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL";
            message: string;
            requestId: string;
            issues?: {
                /** @example title */
                path: string;
                /** @example Too small: expected string to have >=1 characters */
                message: string;
            }[];
        };
        PathList: {
            paths: components["schemas"]["Path"][];
            limit: number;
            offset: number;
        };
        Path: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["PathKind"];
            /** @example Graph algorithms */
            title: string;
            description: string;
            status: components["schemas"]["PathStatus"];
            /** @description Cognito sub of the learner or instructor who made it */
            ownerId: string;
            /** @description Shared paths: the milestone (subject) of its concept tickets */
            milestone: string | null;
            /** @description What the path was built from, when searched */
            sourceQuery: string;
            targetRetention: number;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        PathKind: "personal" | "shared";
        /** @enum {string} */
        PathStatus: "draft" | "published" | "archived";
        PathDetail: components["schemas"]["Path"] & {
            concepts: components["schemas"]["Concept"][];
        };
        Concept: {
            /** @description The concept ticket */
            ticketId: number;
            concept: string;
            /** @description Reading order on the path, from 1 */
            sequence: number;
            difficulty: number;
            masteryThreshold: number;
            /** @description Concept tickets to master first */
            prerequisites: number[];
            source: components["schemas"]["ConceptSource"];
            status: components["schemas"]["ProgressStatus"];
            /** @description Average of the recent scores, 0-1 */
            score: number;
            attempts: number;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** @description A prerequisite is not mastered yet */
            locked: boolean;
        };
        ConceptSource: {
            /** Format: uuid */
            chunkId: string;
            /** Format: uuid */
            documentId: string;
            documentTitle: string;
            headingPath: string[];
            pageStart: number | null;
            pageEnd: number | null;
        } | null;
        /**
         * @description not_started -> in_progress -> completed (one answer at the threshold) -> mastered
         * @enum {string}
         */
        ProgressStatus: "not_started" | "in_progress" | "completed" | "mastered";
        CreatePathInput: {
            /**
             * @description personal: your own path; shared: a class path (instructors), a draft until published
             * @enum {string}
             */
            kind: "personal" | "shared";
            /** @example Recursion */
            title: string;
            /** @default  */
            description?: string;
            /**
             * @description What to learn, searched in the material
             * @example I want to learn recursion
             */
            query?: string;
            /** @description With query: search only these documents */
            documentIds?: string[];
            /** @description Build from these chunks of material instead of a search */
            chunkIds?: string[];
            /** @description Shared paths: the milestone its concept tickets go under (default: the title) */
            subject?: string;
            /** @default 12 */
            maxConcepts?: number;
            /**
             * @description Average of recent scores at which a concept counts as mastered
             * @default 0.8
             */
            masteryThreshold?: number;
            /**
             * @description Recall probability that spaced review aims for
             * @default 0.9
             */
            targetRetention?: number;
        };
        ChangePathInput: {
            title?: string;
            description?: string;
            /** @description Recall probability that spaced review aims for */
            targetRetention?: number;
            /**
             * @description published: open a draft to learners; archived: close the path, keeping its history
             * @enum {string}
             */
            status?: "published" | "archived";
        };
        EditConceptInput: {
            /** @description The concept’s name: its ticket’s summary */
            concept?: string;
            /** @description The ticket’s description, in WikiFormatting */
            description?: string;
            difficulty?: number;
            masteryThreshold?: number;
            /** @description Recorded with the change in the ticket’s history */
            comment?: string;
        };
        NextSteps: {
            /** Format: uuid */
            pathId: string;
            /** @description Concepts not mastered yet whose prerequisites all are, in path order */
            ready: components["schemas"]["Concept"][];
            reviews: {
                /** Format: uuid */
                cardId: string;
                ticketId: number;
                concept: string;
                /** Format: date-time */
                due: string;
            }[];
        };
        PathProgress: {
            /** Format: uuid */
            pathId: string;
            concepts: {
                ticketId: number;
                concept: string;
            }[];
            learners: {
                /** @description The learner’s Cognito sub */
                userId: string;
                /** @description The user name the learner last answered under; null before any answer */
                username: string | null;
                mastered: number;
                /** @description One per concept, in the order of `concepts` */
                cells: {
                    ticketId: number;
                    status: components["schemas"]["ProgressStatus"];
                    /** @description Average of the recent scores, 0-1 */
                    score: number;
                    attempts: number;
                    /** Format: date-time */
                    lastAttemptAt: string | null;
                }[];
            }[];
        };
        PathQuestionStats: {
            /** Format: uuid */
            pathId: string;
            questions: components["schemas"]["QuestionStats"][];
        };
        QuestionStats: {
            /** Format: uuid */
            questionId: string;
            ticketId: number;
            concept: string;
            /** @enum {string} */
            kind: "open" | "choice" | "cloze";
            prompt: string;
            reviewStatus: components["schemas"]["ReviewStatus"];
            attempts: number;
            /** @description Learners who answered it at least once */
            learners: number;
            /** @description Mean score, 0-1; null unanswered */
            averageScore: number | null;
            /** @description Share of attempts that scored at the concept’s mastery threshold or more */
            correctShare: number | null;
        };
        /** @enum {string} */
        ReviewStatus: "pending" | "approved" | "rejected";
        LearnerAttempts: {
            /** Format: uuid */
            pathId: string;
            learnerId: string;
            attempts: components["schemas"]["LearnerAttempt"][];
        };
        LearnerAttempt: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            questionId: string;
            ticketId: number;
            concept: string;
            /** @enum {string} */
            kind: "open" | "choice" | "cloze";
            prompt: string;
            answer: string;
            score: number;
            /** @description What the grader said, in one sentence */
            feedback: string;
            /** Format: date-time */
            createdAt: string;
        };
        OwnProgress: {
            concepts: {
                ticketId: number;
                concept: string;
                status: components["schemas"]["ProgressStatus"];
                score: number;
                attempts: number;
                /** Format: date-time */
                lastAttemptAt: string | null;
            }[];
            paths: {
                /** Format: uuid */
                id: string;
                title: string;
                kind: components["schemas"]["PathKind"];
                concepts: number;
                mastered: number;
                /** @description In progress or completed */
                started: number;
            }[];
        };
        ProgressHistory: {
            /** Format: uuid */
            pathId: string | null;
            days: {
                /**
                 * @description The UTC day
                 * @example 2026-03-14
                 */
                date: string;
                /** @description Concepts mastered by the day’s end */
                mastered: number;
                answers: number;
                /** @description Null on a day without answers */
                averageScore: number | null;
            }[];
        };
        ConceptQuestions: {
            /** @description Reviewers get every question with its answer; learners approved ones only */
            questions: (components["schemas"]["ReviewedQuestion"] | components["schemas"]["LearnerQuestion"])[];
        };
        ReviewedQuestion: components["schemas"]["LearnerQuestion"] & {
            ticketId: number;
            expectedAnswer: string;
            keyTerms: string[];
            /** @enum {string} */
            bloomLevel: "remember" | "understand" | "apply" | "analyze" | "evaluate" | "create";
            reviewStatus: components["schemas"]["ReviewStatus"];
            generator: string;
            reviewedBy: string | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        LearnerQuestion: {
            /** Format: uuid */
            id: string;
            /**
             * @description open, choice (multiple choice) or cloze
             * @enum {string}
             */
            kind: "open" | "choice" | "cloze";
            /** @description Cloze prompts mark the missing words with _____ */
            prompt: string;
            /** @description Choice questions only */
            choices?: string[];
            difficulty: number;
            sourceChunkIds: string[];
        };
        GeneratedQuestions: {
            /** @description Reviewers see the expected answers; a learner writing for their own path does not */
            questions: (components["schemas"]["ReviewedQuestion"] | components["schemas"]["LearnerQuestion"])[];
        };
        GenerateQuestionsInput: {
            /**
             * @default [
             *       "open",
             *       "choice",
             *       "cloze"
             *     ]
             */
            kinds?: ("open" | "choice" | "cloze")[];
            /** @default 6 */
            count?: number;
        };
        OwnAttempts: {
            attempts: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                questionId: string;
                prompt: string;
                answer: string;
                score: number;
                feedback: {
                    summary: string;
                    right: string[];
                    missing: string[];
                };
                /** Format: date-time */
                answeredAt: string;
            }[];
        };
        UpdateQuestionInput: {
            reviewStatus?: components["schemas"]["ReviewStatus"];
            prompt?: string;
            expectedAnswer?: string;
            choices?: string[];
            keyTerms?: string[];
            difficulty?: number;
        };
        AnswerResult: {
            /** Format: uuid */
            attemptId: string;
            /** Format: uuid */
            questionId: string;
            ticketId: number;
            score: number;
            feedback: {
                /** @example You got right: "heap". Missing: "priority queue". */
                summary: string;
                right: string[];
                missing: string[];
            };
            expectedAnswer: string;
            /** @description The source sections to reread; empty after a full score */
            suggestions: components["schemas"]["ReadingSuggestion"][];
            /** @description `exact`, or the model that judged the answer */
            gradedBy: string;
            /** Format: date-time */
            answeredAt: string;
            /** @description The learner's standing on the concept after this answer */
            progress: {
                /** @enum {string} */
                status: "not_started" | "in_progress" | "completed" | "mastered";
                score: number;
                attempts: number;
            };
        };
        ReadingSuggestion: {
            /** Format: uuid */
            documentId: string;
            documentTitle: string;
            /** Format: uuid */
            chunkId: string;
            /**
             * @example [
             *       "Trees",
             *       "Binary heaps"
             *     ]
             */
            headingPath: string[];
            pageStart: number | null;
            pageEnd: number | null;
        };
        AnswerInput: {
            answer: string;
        };
        DueCards: {
            cards: components["schemas"]["DueCard"][];
        };
        DueCard: components["schemas"]["ReviewCard"] & {
            /** @description The question to answer for this review: the one answered longest ago */
            question: components["schemas"]["LearnerQuestion"] | null;
        };
        /** @enum {string} */
        ReviewCardState: "new" | "learning" | "review" | "relearning";
        ReviewCard: {
            /** Format: uuid */
            id: string;
            ticketId: number;
            concept: string;
            /**
             * Format: date-time
             * @description When the card is next due for review
             */
            due: string;
            state: components["schemas"]["ReviewCardState"];
            reps: number;
            lapses: number;
            stability: number;
            difficulty: number;
            /** Format: date-time */
            lastReview: string | null;
        };
        ReviewResult: components["schemas"]["AnswerResult"] & {
            rating: components["schemas"]["ReviewRating"];
            card: components["schemas"]["ReviewCard"] & unknown;
        };
        /** @enum {string} */
        ReviewRating: "again" | "hard" | "good" | "easy";
        ReviewInput: {
            /**
             * Format: uuid
             * @description One of the card's concept's questions
             */
            questionId: string;
            answer: string;
        };
        Document: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @description The uploaded file name */
            source: string;
            mimeType: string;
            status: components["schemas"]["DocumentStatus"];
            /** @description Why ingestion failed, in plain words */
            error: string | null;
            progress: {
                chunksDone: number;
                chunksTotal: number;
            };
            sizeBytes: number;
            pageCount: number | null;
            /** @description Learners search published material only */
            published: boolean;
            embedder: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            indexedAt: string | null;
        };
        /**
         * @description `indexed` and `failed` are final until the document is reindexed
         * @enum {string}
         */
        DocumentStatus: "queued" | "extracting" | "embedding" | "indexed" | "failed";
        DocumentList: {
            documents: components["schemas"]["Document"][];
            total: number;
            limit: number;
            offset: number;
        };
        DocumentWithOutline: components["schemas"]["Document"] & {
            outline: components["schemas"]["OutlineEntry"][];
        };
        OutlineEntry: {
            title: string;
            level: number;
            page: number | null;
            children: components["schemas"]["OutlineEntry"][];
        };
        UpdateDocumentInput: {
            title?: string;
            published?: boolean;
        };
        DocumentSections: {
            /** Format: uuid */
            documentId: string;
            sections: components["schemas"]["DocumentSection"][];
        };
        DocumentSection: {
            /** @description Chapter, section, subsection... */
            headingPath: string[];
            pageStart: number | null;
            pageEnd: number | null;
            /** @description The section’s chunks, in reading order */
            chunkIds: string[];
            /** @description The start of the section’s text */
            excerpt: string;
        };
        SearchResult: {
            hits: components["schemas"]["SearchHit"][];
            /**
             * @description `text-only` when the vector store did not answer and words alone were matched
             * @enum {string}
             */
            mode: "hybrid" | "text-only";
        };
        SearchHit: {
            /** Format: uuid */
            chunkId: string;
            /** Format: uuid */
            documentId: string;
            documentTitle: string;
            text: string;
            /** @description Fused rank of meaning and words: 1 is first in both rankings */
            score: number;
            headingPath: string[];
            pageStart: number | null;
            pageEnd: number | null;
        };
        SearchInput: {
            query: string;
            /** @default 10 */
            limit?: number;
            /**
             * @description Hits scoring below this (on the 0-1 fused scale) are left out
             * @default 0
             */
            minScore?: number;
            /** @description Search only these documents */
            documentIds?: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
