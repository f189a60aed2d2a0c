using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace SnapMagic.Aws;

/// <summary>The credentials the Bedrock adapter signs with, as the SDK clients find theirs: static keys from configuration, or the standard chain.</summary>
public static class AwsCredentialsSource
{
    public static AWSCredentials Resolve(AwsOptions options) =>
        options.StaticCredentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials();
}
