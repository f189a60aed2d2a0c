using Amazon.CDK;
using SnapMagic.Deploy;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(EventStackOptions.Usage);
    return 0;
}

ProjectNode.PutFirstOnPath();
var app = new App(new AppProps { Outdir = DeployDirectory.CloudAssemblyPath });
try
{
    var options = EventStackOptions.FromArgsAndContext(args, app.Node.TryGetContext);
    // The stack refuses combinations that cannot work (a video model outside the stack's Region) with the same exception.
    _ = new EventStack(app, options, EventStack.EnvironmentFromCdkDefaults());
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(EventStackOptions.Usage);
    return 2;
}

app.Synth();
return 0;
