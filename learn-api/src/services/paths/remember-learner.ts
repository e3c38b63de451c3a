import type { Prisma } from '@learntrac/db';

/** Records the user name a learner answers under; a renamed user shows under the new name. */
export async function rememberLearner({
  tx,
  sub,
  username,
  at,
}: {
  tx: Prisma.TransactionClient;
  sub: string;
  username: string;
  at: Date;
}): Promise<void> {
  await tx.learner.upsert({
    where: { cognitoUserId: sub },
    create: { cognitoUserId: sub, username, seenAt: at },
    update: { username, seenAt: at },
  });
}
