namespace SnapMagic.Deploy.Tests;

/// <summary>The stack's outputs are what a local AppHost needs to run with <c>--backend aws</c> against the event.</summary>
public class OutputsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    [Theory]
    [InlineData("Region", "Aws:Region")]
    [InlineData("TableName", "Aws:TableName")]
    [InlineData("BucketName", "Aws:BucketName")]
    [InlineData("QueueName", "Queue:Name")]
    [InlineData("DeadLetterQueueName", "Queue:DeadLetterName")]
    [InlineData("CardRetentionDays", "Cards:RetentionDays")]
    [InlineData("BedrockFamily", "ImageModel:Bedrock:Family")]
    [InlineData("BedrockRegion", "ImageModel:Bedrock:Region")]
    [InlineData("BedrockModelId", "ImageModel:Bedrock:ModelId")]
    public void Each_setting_output_names_its_configuration_key(string output, string key) =>
        Assert.Equal(key, (string?)synthesized.Json["Outputs"]![output]!["Description"]);

    [Fact]
    public void One_output_is_the_apphosts_environment_with_the_services_setting_names()
    {
        var environment = synthesized.Json["Outputs"]!["AppHostEnvironment"]!["Value"]!.ToJsonString();

        foreach (var name in new[]
                 {
                     ServiceSettings.AwsRegion, ServiceSettings.AwsTableName, ServiceSettings.AwsBucketName, ServiceSettings.QueueName,
                     ServiceSettings.QueueDeadLetterName, ServiceSettings.CardsRetentionDays, ServiceSettings.BedrockFamily,
                     ServiceSettings.BedrockRegion, ServiceSettings.BedrockModelId,
                 })
            Assert.Contains(name + "=", environment);
        Assert.Contains("ImageModel__Bedrock__ModelId=us.amazon.nova-2-omni-v1:0", environment);
    }

    [Fact]
    public void The_worker_gets_the_same_settings_the_outputs_give_the_apphost()
    {
        var worker = SynthesizedEvent.Environment(synthesized.Container("worker"));
        var outputs = synthesized.Json["Outputs"]!;

        Assert.Equal(outputs["TableName"]!["Value"]!.ToJsonString(), worker[ServiceSettings.AwsTableName]!.ToJsonString());
        Assert.Equal(outputs["QueueName"]!["Value"]!.ToJsonString(), worker[ServiceSettings.QueueName]!.ToJsonString());
        Assert.Equal(outputs["BedrockModelId"]!["Value"]!.ToJsonString(), worker[ServiceSettings.BedrockModelId]!.ToJsonString());
    }
}
