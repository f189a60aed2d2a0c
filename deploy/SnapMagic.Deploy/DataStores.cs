using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace SnapMagic.Deploy;

/// <summary>
/// The card queue and its dead-letter queue, the job table (on demand, TTL on <c>expiresAt</c>, the session and
/// time indexes) and the event's image bucket (encrypted, TLS only, no public access; cards, their animations and the
/// spoken reviews expire after the card retention). All of it goes with the stack: an event's data is not kept after
/// its teardown. Feedback items live in the job table beside the cards and expire by the same TTL attribute.
/// </summary>
public sealed class DataStores : Construct
{
    public const string SessionIndex = "bySession";
    public const string TimeIndex = "byTime";
    public const string CardsPrefix = "cards/";
    /// <summary>Where Bedrock writes the animations (<c>VideoModel:Bedrock:OutputPrefix</c>'s default).</summary>
    public const string AnimationsPrefix = "animations/";
    /// <summary>Where the Api stores spoken reviews (<c>FeedbackItem.RecordingKeyFor</c>).</summary>
    public const string FeedbackPrefix = "feedback/";
    public const string TimeToLiveAttribute = "expiresAt";

    public Queue CardQueue { get; }
    public Queue DeadLetterQueue { get; }
    public Table JobTable { get; }
    public Bucket ImageBucket { get; }

    public DataStores(Construct scope, string id, EventStackOptions options) : base(scope, id)
    {
        var name = $"snapmagic-{options.EventId}-cards";

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"{name}-dlq",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });
        CardQueue = new Queue(this, "CardQueue", new QueueProps
        {
            QueueName = name,
            VisibilityTimeout = Duration.Seconds(ServiceSettings.VisibilityTimeoutSeconds),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            DeadLetterQueue = new DeadLetterQueue { Queue = DeadLetterQueue, MaxReceiveCount = ServiceSettings.MaxReceiveCount },
        });

        JobTable = new Table(this, "JobTable", new TableProps
        {
            TableName = name,
            PartitionKey = new Attribute { Name = "correlationId", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            TimeToLiveAttribute = TimeToLiveAttribute,
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        JobTable.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = SessionIndex,
            PartitionKey = new Attribute { Name = "sessionId", Type = AttributeType.STRING },
            SortKey = new Attribute { Name = "createdAt", Type = AttributeType.STRING },
        });
        // The whole event by time (every card has timeline = "cards"): the organizer's CSV and gallery.
        JobTable.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = TimeIndex,
            PartitionKey = new Attribute { Name = "timeline", Type = AttributeType.STRING },
            SortKey = new Attribute { Name = "createdAt", Type = AttributeType.STRING },
        });

        // Emptied by the teardown function before the stack is deleted (see Teardown), so CloudFormation can delete it.
        ImageBucket = new Bucket(this, "ImageBucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.DESTROY,
            LifecycleRules =
            [
                Expire("expire-cards", CardsPrefix, options.CardRetentionDays),
                Expire("expire-animations", AnimationsPrefix, options.CardRetentionDays),
                Expire("expire-feedback", FeedbackPrefix, options.CardRetentionDays),
                new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
            ],
        });
    }

    /// <summary>The table and its two indexes, as IAM resources.</summary>
    public string[] TableArns => [JobTable.TableArn, $"{JobTable.TableArn}/index/{SessionIndex}", $"{JobTable.TableArn}/index/{TimeIndex}"];

    public string CardObjectsArn => ImageBucket.ArnForObjects(CardsPrefix + "*");

    public string AnimationObjectsArn => ImageBucket.ArnForObjects(AnimationsPrefix + "*");

    public string FeedbackObjectsArn => ImageBucket.ArnForObjects(FeedbackPrefix + "*");

    private static LifecycleRule Expire(string id, string prefix, int days) =>
        new() { Id = id, Prefix = prefix, Expiration = Duration.Days(days) };
}
