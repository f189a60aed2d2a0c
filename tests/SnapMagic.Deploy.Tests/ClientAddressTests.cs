namespace SnapMagic.Deploy.Tests;

/// <summary>Behind the load balancer the Api's per-address limits must see the attendee's address, not the balancer's.</summary>
public class ClientAddressTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    [Fact]
    public void The_api_reads_the_forwarded_client_address() =>
        Assert.Equal("true", (string?)SynthesizedEvent.Environment(synthesized.Container("api"))[ServiceSettings.ForwardedHeadersEnabled]);
}
