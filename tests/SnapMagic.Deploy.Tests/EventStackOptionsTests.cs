namespace SnapMagic.Deploy.Tests;

public class EventStackOptionsTests
{
    private static EventStackOptions Parse(string[] args, Dictionary<string, object>? context = null) =>
        EventStackOptions.FromArgsAndContext(args, name => context is not null && context.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void Command_line_and_cdk_context_are_read_by_one_parser()
    {
        var fromArgs = Parse(["--event", "reinvent", "--end", "2026-12-06T18:00Z", "--api-replicas", "2"]);
        var fromContext = Parse([], new() { ["event"] = "reinvent", ["end"] = "2026-12-06T18:00Z", ["api-replicas"] = "2" });

        Assert.Equal(fromArgs, fromContext);
        Assert.Equal("SnapMagic-reinvent", fromArgs.StackName);
        Assert.Equal(2, fromArgs.ApiReplicas);
    }

    [Fact]
    public void The_command_line_wins_over_the_context()
    {
        var options = Parse(["--api-replicas=3"], new() { ["event"] = "reinvent", ["end"] = "2026-12-06T18:00Z", ["api-replicas"] = "2" });

        Assert.Equal(3, options.ApiReplicas);
    }

    [Fact]
    public void Defaults_follow_the_seeds()
    {
        var options = Parse(["--event", "reinvent", "--end", "2026-12-06T18:00Z"]);

        Assert.Equal(14, options.TeardownDays);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 18, 0, 0, TimeSpan.Zero), options.TeardownAt);
        Assert.Equal(1, options.ApiReplicas);
        Assert.False(options.UsesBackplane);
        Assert.Equal("Nova2Omni", options.ImageModel.Family);
        Assert.Equal("us.amazon.nova-2-omni-v1:0", options.ImageModel.InvokedModelId);
        Assert.Equal(14, options.CardRetentionDays);
    }

    [Fact]
    public void The_end_is_kept_in_utc()
    {
        var options = Parse(["--event", "summit", "--end", "2027-03-14T17:30:00+01:00"]);

        Assert.Equal(TimeSpan.Zero, options.EventEnd.Offset);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 16, 30, 0, TimeSpan.Zero), options.EventEnd);
    }

    [Theory]
    [InlineData("NovaCanvas", null, "amazon.nova-canvas-v1:0")]
    [InlineData("StabilityInpaint", null, "us.stability.stable-image-inpaint-v1:0")]
    [InlineData("Nova2Omni", "eu", "eu.amazon.nova-2-omni-v1:0")]
    [InlineData("Nova2Omni", "none", "amazon.nova-2-omni-v1:0")]
    public void Each_family_has_its_model_and_profile(string family, string? profile, string invokedModelId)
    {
        List<string> args = ["--event", "reinvent", "--end", "2026-12-06T18:00Z", "--model", family];
        if (profile is not null)
            args.AddRange(["--inference-profile", profile]);

        Assert.Equal(invokedModelId, Parse([.. args]).ImageModel.InvokedModelId);
    }

    [Fact]
    public void Every_log_retention_the_parser_accepts_has_its_cloudwatch_setting()
    {
        foreach (var days in EventStackOptions.LogRetentionDaysAllowed)
            _ = Observability.LogRetention(days);
    }

    [Theory]
    [InlineData("--end", "2026-12-06T18:00Z")]
    [InlineData("--event", "reinvent")]
    [InlineData("--event", "Not_An_Id", "--end", "2026-12-06T18:00Z")]
    [InlineData("--event", "reinvent", "--end", "next friday")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--certificate-arn", "arn:aws:acm:us-east-1:1:certificate/x")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--model", "Dalle")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--model-id", "us.amazon.nova-2-omni-v1:0")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--workers-min", "5", "--workers-max", "2")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--log-retention-days", "10")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--api-replicas", "0")]
    [InlineData("--event", "reinvent", "--end", "2026-12-06T18:00Z", "--colour", "blue")]
    public void Wrong_or_missing_options_are_refused_with_a_message(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(args));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
