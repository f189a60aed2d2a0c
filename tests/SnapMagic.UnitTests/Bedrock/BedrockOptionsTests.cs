using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class BedrockOptionsTests
{
    [Fact]
    public void A_loopback_runtime_answers_the_control_plane_too_unless_one_is_set()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), new BedrockOptions { ServiceUrl = "http://127.0.0.1:4566" }.ResolveControlPlaneUrl());
        Assert.Equal(new Uri("http://localhost:9/"),
            new BedrockOptions { ServiceUrl = "http://127.0.0.1:4566", ControlPlaneUrl = "http://localhost:9" }.ResolveControlPlaneUrl());
    }

    [Fact]
    public void Without_a_loopback_runtime_the_control_plane_is_the_regions()
    {
        Assert.Equal(new Uri("https://bedrock.eu-west-1.amazonaws.com/"), new BedrockOptions { Region = "eu-west-1" }.ResolveControlPlaneUrl());
        Assert.Equal(new Uri("https://bedrock.us-east-1.amazonaws.com/"),
            new BedrockOptions { ServiceUrl = "https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com" }.ResolveControlPlaneUrl());
    }
}
