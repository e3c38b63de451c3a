import { z } from '@hono/zod-openapi';

export {
  AnswerInputSchema,
  AnswerResultSchema,
} from '../../services/grading/answer-question.js';
export { ReviewedQuestionSchema } from '../../services/questions/question-view.js';
export { UpdateQuestionInputSchema } from '../../services/questions/update-question.js';

export const QuestionParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
