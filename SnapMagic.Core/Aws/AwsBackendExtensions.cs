using Microsoft.Extensions.Hosting;

namespace SnapMagic.Aws;

public static class AwsBackendExtensions
{
    // TODO(AWS backend): SQS, DynamoDB, S3.
    public static IHostApplicationBuilder AddAwsBackend(this IHostApplicationBuilder builder) =>
        throw new NotImplementedException("The AWS backend is not written yet.");
}
