using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SnapMagic.Api.Tests;

/// <summary>
/// The Api on the embedded backend in a TestServer, environment Development (demo/demo and the development
/// keys), with its own data directory that is deleted afterwards. The limits per address, the event's budgets and the
/// animation and feedback limits are off: the tests make hundreds of sessions, cards, animations and answers from one
/// address (Limits/, Animations/ and Feedback/ test them with small values).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string WebOrigin = "http://localhost:5080";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "snapmagic-api-tests-" + Guid.NewGuid().ToString("N"));

    protected virtual string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Backend", "Embedded");
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        builder.UseSetting("Cors:AllowedOrigins", WebOrigin);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Cards:PerAddressPerMinute", "0");
        builder.UseSetting("Cards:EventPerMinute", "0");
        builder.UseSetting("Cards:EventPerDay", "0");
        builder.UseSetting("Login:FailuresPerAddressPerMinute", "0");
        builder.UseSetting("Animations:PerSession", "0");
        builder.UseSetting("Animations:EventPerHour", "0");
        builder.UseSetting("Animations:EventPerDay", "0");
        builder.UseSetting("Feedback:PerSession", "0");
        builder.UseSetting("Feedback:EventPerHour", "0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open stays in the temp folder.
        }
    }
}
