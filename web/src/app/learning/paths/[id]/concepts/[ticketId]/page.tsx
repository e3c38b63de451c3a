import { notFound } from 'next/navigation';
import { z } from 'zod';
import { features } from '@/composition/registry';
import { requirePermission } from '@/core/auth/current-user';
import { ConceptScreen } from '@/features/learning/ui/learner/concept-screen';

export const metadata = { title: 'Concept' };

type Props = { params: Promise<{ id: string; ticketId: string }> };

const ParamsSchema = z.object({ id: z.uuid(), ticketId: z.coerce.number().int().positive() });

export default async function ConceptPage({ params }: Props) {
  const raw = await params;
  const viewer = await requirePermission(
    'LEARNING_VIEW',
    `/learning/paths/${raw.id}/concepts/${raw.ticketId}`,
  );
  const parsed = ParamsSchema.safeParse(raw);
  if (!parsed.success) notFound();
  return (
    <ConceptScreen
      viewer={viewer}
      features={features}
      pathId={parsed.data.id}
      ticketId={parsed.data.ticketId}
    />
  );
}
