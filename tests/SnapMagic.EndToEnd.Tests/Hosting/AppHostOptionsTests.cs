using SnapMagic.AppHost;

namespace SnapMagic.EndToEnd.Tests.Hosting;

public sealed class AppHostOptionsTests
{
    [Fact]
    public void Defaults_are_the_agreed_ports_two_workers_and_the_embedded_backend()
    {
        var options = AppHostOptions.Parse([]);

        Assert.Equal((2, 1, Backend.Embedded, 5180, 5080, 18888, null), (options.Workers, options.ApiReplicas, options.Backend, options.ApiPort, options.WebPort, options.DashboardPort, options.DataDirectory));
    }

    [Fact]
    public void Reads_every_option_and_passes_Aspire_settings_through()
    {
        var options = AppHostOptions.Parse(["--workers", "3", "--api-replicas", "4", "--backend", "aws", "--api-port", "6001", "--web-port", "6002", "--dashboard-port", "6003",
            "--data-dir", "/tmp/snapmagic-data", "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"]);

        Assert.Equal((3, 4, Backend.Aws, 6001, 6002, 6003, "/tmp/snapmagic-data"),
            (options.Workers, options.ApiReplicas, options.Backend, options.ApiPort, options.WebPort, options.DashboardPort, options.DataDirectory));
        Assert.Equal(["--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"], options.AspireArgs);
    }

    [Fact]
    public void The_dashboard_port_places_the_dashboard_and_its_OTLP_receiver_on_http()
    {
        var args = AppHostOptions.Parse(["--dashboard-port", "6003"]).BuilderArgs();

        Assert.Contains("--ASPNETCORE_URLS=http://localhost:6003", args);
        Assert.Contains("--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:6004", args);
        Assert.Contains("--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true", args);
    }

    [Theory]
    [InlineData("embedded", Backend.Embedded)]
    [InlineData("aws-local", Backend.AwsLocal)]
    [InlineData("AWS", Backend.Aws)]
    public void Backend_names_one_of_the_three(string name, Backend backend) =>
        Assert.Equal(backend, AppHostOptions.Parse(["--backend", name]).Backend);

    [Theory]
    [InlineData("--workers")]
    [InlineData("--workers", "many")]
    [InlineData("--workers", "0")]
    [InlineData("--api-port", "70000")]
    [InlineData("--api-replicas", "0")]
    [InlineData("--api-replicas", "17")]
    [InlineData("--backend", "mainframe")]
    [InlineData("--colour")]
    [InlineData("--no-restart")]
    public void Refuses_bad_options_with_a_message(params string[] args) =>
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<ArgumentException>(() => AppHostOptions.Parse(args)).Message));
}
