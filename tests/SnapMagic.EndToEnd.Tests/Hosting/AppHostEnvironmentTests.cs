using SnapMagic.AppHost;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>A run against a real AWS account never gets the development logins and keys: it is Production unless said otherwise.</summary>
public sealed class AppHostEnvironmentTests
{
    private static readonly bool EnvironmentIsSetOutside =
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is not null || Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is not null;

    [Theory]
    [InlineData("aws", "Production")]
    [InlineData("aws-local", "Development")]
    [InlineData("embedded", "Development")]
    public void The_backend_chooses_the_default_environment(string backend, string environment)
    {
        var args = AppHostOptions.Parse(["--backend", backend]).BuilderArgs();

        if (EnvironmentIsSetOutside)
            Assert.DoesNotContain(args, arg => arg.StartsWith("--environment=", StringComparison.Ordinal));
        else
            Assert.Contains($"--environment={environment}", args);
    }

    [Fact]
    public void An_environment_given_on_the_command_line_wins()
    {
        var args = AppHostOptions.Parse(["--backend", "aws", "--environment=Development"]).BuilderArgs();

        Assert.Equal(["--environment=Development"], args.Where(arg => arg.StartsWith("--environment=", StringComparison.Ordinal)));
    }
}
