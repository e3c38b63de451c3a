/** Name of the bearer scheme registered in app.ts; routes list it under `security`. */
export const bearerAuth = [{ cognito: [] }];
