using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.TestSupport;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>An Api with a clock the test moves forward, so cards can take seconds without the test waiting.</summary>
public sealed class OrganizerFactory : ApiFactory
{
    public ShiftableTimeProvider Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
