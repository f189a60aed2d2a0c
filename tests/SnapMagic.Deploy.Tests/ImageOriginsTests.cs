namespace SnapMagic.Deploy.Tests;

/// <summary>The page's CSP admits card images from the event's bucket (its presigned links) and from no other host.</summary>
public class ImageOriginsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    [Fact]
    public void The_web_host_is_told_the_buckets_https_origins()
    {
        var origins = SynthesizedEvent.Environment(synthesized.Container("web"))[ServiceSettings.WebImageOrigins]!.ToJsonString();

        Assert.Contains("RegionalDomainName", origins);
        Assert.Contains("\"DomainName\"", origins);
        Assert.Contains("https://", origins);
        Assert.DoesNotContain("http://", origins);
    }
}
