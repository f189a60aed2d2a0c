using SnapMagic.AppHost.Hosting;

namespace SnapMagic.EndToEnd.Tests.Hosting;

public sealed class AppHostOptionsTests
{
    [Fact]
    public void Defaults_are_the_agreed_ports_two_workers_and_the_embedded_backend()
    {
        var options = AppHostOptions.Parse([]);

        Assert.Equal((2, "Embedded", 5180, 5080, 18888), (options.Workers, options.Backend, options.ApiPort, options.WebPort, options.DashboardPort));
    }

    [Fact]
    public void Reads_every_option()
    {
        var options = AppHostOptions.Parse(["--workers", "3", "--backend", "aws", "--api-port", "6001", "--web-port", "6002", "--dashboard-port", "6003", "--no-restart"]);

        Assert.Equal((3, "Aws", 6001, 6002, 6003, false),
            (options.Workers, options.Backend, options.ApiPort, options.WebPort, options.DashboardPort, options.RestartCrashed));
    }

    [Theory]
    [InlineData("embedded", "Embedded", false)]
    [InlineData("aws-local", "Aws", true)]
    [InlineData("AWS", "Aws", false)]
    public void Backend_names_the_services_Backend_setting_and_whether_the_AppHost_runs_local_AWS_servers(string name, string backend, bool localAws)
    {
        var options = AppHostOptions.Parse(["--backend", name]);

        Assert.Equal((backend, localAws), (options.Backend, options.LocalAws));
    }

    [Theory]
    [InlineData("--workers")]
    [InlineData("--workers", "many")]
    [InlineData("--api-port", "70000")]
    [InlineData("--backend", "mainframe")]
    [InlineData("--colour")]
    public void Refuses_bad_options_with_a_message(params string[] args) =>
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<ArgumentException>(() => AppHostOptions.Parse(args)).Message));
}
