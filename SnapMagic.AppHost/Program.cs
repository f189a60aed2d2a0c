using SnapMagic.AppHost.Hosting;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(AppHostOptions.Usage);
    return 0;
}

AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(AppHostOptions.Usage);
    return 2;
}

DistributedApp app;
try
{
    app = DistributedApp.Create(options, ConsoleOutput.WriteLine);
}
catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

await using (app)
    return await app.RunAsync();

/// <summary>Internal: test projects that reference the AppHost also reference the Api, whose Program is public for WebApplicationFactory.</summary>
internal partial class Program;
