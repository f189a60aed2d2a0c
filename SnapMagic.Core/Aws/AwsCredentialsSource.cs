using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace SnapMagic.Aws;

/// <summary>The credentials every AWS adapter signs with: static keys from configuration, or the standard chain.</summary>
public static class AwsCredentialsSource
{
    public static AWSCredentials Resolve(AwsOptions options) =>
        !string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey)
            ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
            : DefaultAWSCredentialsIdentityResolver.GetCredentials();
}
