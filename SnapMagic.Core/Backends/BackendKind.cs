namespace SnapMagic.Backends;

/// <summary>Which adapters sit behind the ports; the code above them is the same for both.</summary>
public enum BackendKind
{
    /// <summary>SQLite queue and job store, images on disk: runs with nothing but the .NET SDK.</summary>
    Embedded,
    /// <summary>SQS, DynamoDB, S3 (real AWS or local AWS-compatible servers).</summary>
    Aws,
}
