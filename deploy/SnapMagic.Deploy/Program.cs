using Amazon.CDK;
using SnapMagic.Deploy;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(EventStackOptions.Usage);
    return 0;
}

ProjectNode.PutFirstOnPath();
var app = new App(new AppProps { Outdir = DeployDirectory.CloudAssemblyPath });
EventStackOptions options;
try
{
    options = EventStackOptions.FromArgsAndContext(args, app.Node.TryGetContext);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(EventStackOptions.Usage);
    return 2;
}

_ = new EventStack(app, options, EventStack.EnvironmentFromCdkDefaults());
app.Synth();
return 0;
