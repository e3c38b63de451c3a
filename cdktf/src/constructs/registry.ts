import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy/index.js';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository/index.js';
import { Construct } from 'constructs';

export interface RegistryProps {
  prefix: string;
  kmsKeyArn: string;
}

/** One ECR repository per service image; the migration image is a tag in learn-api's. */
export class Registry extends Construct {
  readonly web: EcrRepository;
  readonly learnApi: EcrRepository;

  constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, id);
    const repository = (name: string) => {
      const repo = new EcrRepository(this, name, {
        name: `${props.prefix}/${name}`,
        // Tags are commit SHAs: immutable, so a tag always means the same image.
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: props.kmsKeyArn }],
      });
      new EcrLifecyclePolicy(this, `${name}-lifecycle`, {
        repository: repo.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: 'Drop untagged layers after a day',
              selection: {
                tagStatus: 'untagged',
                countType: 'sinceImagePushed',
                countUnit: 'days',
                countNumber: 1,
              },
              action: { type: 'expire' },
            },
            {
              rulePriority: 2,
              description: 'Keep the 30 newest images for rollback',
              selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 },
              action: { type: 'expire' },
            },
          ],
        }),
      });
      return repo;
    };
    this.web = repository('web');
    this.learnApi = repository('learn-api');
  }
}
