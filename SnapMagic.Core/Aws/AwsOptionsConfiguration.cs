using Microsoft.Extensions.Configuration;

namespace SnapMagic.Aws;

public static class AwsOptionsConfiguration
{
    /// <summary>The connection strings the AppHost gives for local AWS-compatible servers (<c>ConnectionStrings:sqs</c>, ...).</summary>
    public const string SqsConnectionName = "sqs";
    public const string S3ConnectionName = "s3";
    public const string DynamoDbConnectionName = "dynamodb";

    extension(AwsOptions)
    {
        /// <summary>
        /// Section <c>Aws</c>, with each service URL that is not set there taken from the service's connection string:
        /// that is how the AppHost points the services at fauxqs and dynalite.
        /// </summary>
        public static AwsOptions FromConfiguration(IConfiguration configuration)
        {
            var options = configuration.GetSection(AwsOptions.Section).Get<AwsOptions>() ?? new AwsOptions();
            options.SqsServiceUrl ??= configuration.GetConnectionString(SqsConnectionName);
            options.S3ServiceUrl ??= configuration.GetConnectionString(S3ConnectionName);
            options.DynamoDbServiceUrl ??= configuration.GetConnectionString(DynamoDbConnectionName);
            return options;
        }
    }
}
