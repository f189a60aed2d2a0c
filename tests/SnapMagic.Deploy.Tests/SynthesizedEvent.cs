using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// One event's stack, synthesized once per options set for the whole test run (a synth takes seconds; the class
/// fixtures of one options set share it): the assertion API's <see cref="Template"/> over the template file the CDK
/// wrote, and that file as JSON.
/// </summary>
public abstract class SynthesizedEvent
{
    private static readonly Dictionary<string, Synthesis> Syntheses = [];
    private static readonly Lock SynthesesLock = new();

    private sealed record Synthesis(EventStackOptions Options, EventStack Stack, Template Template, JsonObject Json);

    protected SynthesizedEvent(params string[] args)
    {
        Synthesis synthesis;
        lock (SynthesesLock)
        {
            var key = string.Join(' ', args);
            if (!Syntheses.TryGetValue(key, out synthesis!))
                Syntheses[key] = synthesis = Synthesize(args);
        }
        (Options, Stack, Template, Json) = (synthesis.Options, synthesis.Stack, synthesis.Template, synthesis.Json);
    }

    private static Synthesis Synthesize(string[] args)
    {
        ProjectNode.PutFirstOnPath();
        var options = EventStackOptions.FromArgsAndContext(args, _ => null);
        var outdir = Directory.CreateTempSubdirectory("snapmagic-cdk-").FullName;
        try
        {
            var app = new App(new AppProps { Outdir = outdir });
            var stack = new EventStack(app, options);
            var text = File.ReadAllText(app.Synth().GetStackByName(stack.StackName).TemplateFullPath);
            // From the file, not Template.FromStack: that would synthesize the app a second time.
            return new Synthesis(options, stack, Template.FromString(text), JsonNode.Parse(text)!.AsObject());
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    public EventStackOptions Options { get; }
    public EventStack Stack { get; }
    public Template Template { get; }
    public JsonObject Json { get; }

    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(pair => (string?)pair.Value!["Type"] == type)
            .Select(pair => (pair.Key, pair.Value!.AsObject()));

    public JsonObject Resource(string logicalId) => Json["Resources"]![logicalId]!.AsObject();

    /// <summary>The logical id CloudFormation knows a construct's resource by.</summary>
    public string LogicalId(IConstruct construct) => Stack.GetLogicalId((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild!));

    /// <summary>The container definition of a service's main container (<c>api</c>, <c>worker</c>, <c>web</c>).</summary>
    public JsonObject Container(string name) =>
        Resources("AWS::ECS::TaskDefinition")
            .SelectMany(task => task.Resource["Properties"]!["ContainerDefinitions"]!.AsArray())
            .Select(container => container!.AsObject())
            .Single(container => (string?)container["Name"] == name);

    public static IReadOnlyDictionary<string, JsonNode?> Environment(JsonObject container) =>
        (container["Environment"]?.AsArray() ?? []).ToDictionary(entry => (string)entry!["Name"]!, entry => entry!["Value"]);

    public static IReadOnlyList<string> SecretNames(JsonObject container) =>
        (container["Secrets"]?.AsArray() ?? []).Select(entry => (string)entry!["Name"]!).ToList();

}

/// <summary>An event with every default: one Api, Nova 2 Omni through the us profile, HTTP, the ADOT sidecar.</summary>
public sealed class DefaultEvent() : SynthesizedEvent("--event", "reinvent", "--end", "2026-12-06T18:00:00Z", "--organizer-email", "host@example.com");

/// <summary>
/// A bigger event: three Api replicas (so the backplane), HTTPS on a domain, Nova Canvas, an end with an offset, a week's
/// teardown, Nova Reel for the animations, Nova 2 Lite through the global profile for the sentiment, its own cost limits.
/// </summary>
public sealed class ScaledEvent() : SynthesizedEvent(
    "--event", "summit", "--end", "2027-03-14T17:30:00+01:00", "--teardown-days", "7", "--api-replicas", "3",
    "--certificate-arn", "arn:aws:acm:us-east-1:111122223333:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab", "--domain", "cards.example.com",
    "--model", "NovaCanvas", "--bedrock-region", "us-east-1", "--workers-min", "2", "--workers-max", "20",
    "--otlp-endpoint", "https://otlp.example.com:4317",
    "--video-model", "NovaReel", "--sentiment-model", "global.amazon.nova-2-lite-v1:0",
    "--animations-per-session", "1", "--animations-per-hour", "10", "--animations-per-day", "40", "--feedback-per-session", "5");
