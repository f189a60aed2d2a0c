using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SnapMagic.Api.Tests.Limits;

/// <summary>The Api with small limits (the settings given) on a frozen clock.</summary>
public class LimitsFactory(params (string Key, string Value)[] settings) : ApiFactory
{
    public FrozenClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
