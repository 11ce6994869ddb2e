/**
 * The report store: one DynamoDB table in a single-table design (reports, campaigns, claims,
 * effect ledger), the same key schema as shared/adapters/dynamodb/table.ts, encrypted with its
 * own key, with a NEW_IMAGE stream that feeds the scorer.
 */
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { KEYS, TTL_ATTRIBUTE } from '../../shared/adapters/dynamodb/table.ts';
import type { StageConfig } from '../stage-config.ts';
import { removalPolicyOf } from './util.ts';

export const GSI1 = 'GSI1';
export const GSI2 = 'GSI2';

export interface ReportStoreProps {
  readonly config: StageConfig;
}

export class ReportStore extends Construct {
  public readonly table: dynamodb.Table;
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: ReportStoreProps) {
    super(scope, id);
    const { config } = props;
    const retain = config.removalPolicy === 'retain';
    const removalPolicy = removalPolicyOf(config);

    this.key = new kms.Key(this, 'Key', {
      description: `${config.prefix}: report table and its stream`,
      alias: `alias/${config.prefix}/reports`,
      enableKeyRotation: true,
      removalPolicy,
    });

    const s = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: s(KEYS.pk),
      sortKey: s(KEYS.sk),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: retain,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: s(KEYS.gsi1pk),
      sortKey: s(KEYS.gsi1sk),
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI2,
      partitionKey: s(KEYS.gsi2pk),
      sortKey: s(KEYS.gsi2sk),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  /** The table and both index ARNs, named one by one (no `index/*`). */
  public get dataArns(): string[] {
    const arn = this.table.tableArn;
    return [arn, `${arn}/index/${GSI1}`, `${arn}/index/${GSI2}`];
  }

  public get streamArn(): string {
    const arn = this.table.tableStreamArn;
    if (!arn) throw new Error('the report table has no stream');
    return arn;
  }
}
