using SnapMagic.FakeBedrock;

// Run by the AppHost for --backend aws-local: FakeBedrock__Region and FakeBedrock__SecretAccessKey (the key the
// workers sign with) and PORT come from its environment.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var port = configuration.GetValue("PORT", 0);
await using var server = await FakeBedrockServer.StartAsync(
    configuration["FakeBedrock:Region"] ?? "us-east-1",
    configuration["FakeBedrock:SecretAccessKey"] ?? throw new InvalidOperationException("Set FakeBedrock__SecretAccessKey: the secret key the callers sign with."),
    port);
// Where the asynchronous invocations write their videos (the aws-local backend's fauxqs); unset keeps them in memory.
server.AsyncInvokeS3ServiceUrl = configuration["FakeBedrock:S3ServiceUrl"];
Console.WriteLine($"Fake Bedrock Runtime listening on {server.Url}");
await server.WaitForShutdownAsync();
