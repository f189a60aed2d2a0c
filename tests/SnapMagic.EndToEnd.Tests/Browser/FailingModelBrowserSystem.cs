using SnapMagic.FakeBedrock;
using SnapMagic.EndToEnd.Tests.Telemetry;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// The browser on a system whose worker paints with Bedrock, served by the tests' scriptable fake: the
/// page's error screens need one chosen card to fail, which the local image model never does.
/// </summary>
public sealed class FailingModelBrowserSystem : BrowserSystem<FlakyModelSystem>
{
    public FakeBedrockServer Bedrock => System.Bedrock;
}

[CollectionDefinition(Name)]
public sealed class FailingModelBrowserCollection : ICollectionFixture<FailingModelBrowserSystem>
{
    public const string Name = "Browser, failing model";
}
