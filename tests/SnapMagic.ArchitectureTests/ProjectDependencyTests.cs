
namespace SnapMagic.ArchitectureTests;

/// <summary>Which project may use which, as compiled (a reference the code does not use is not in the assembly).</summary>
public sealed class ProjectDependencyTests
{
    [Fact]
    public void The_Api_uses_neither_the_image_painting_nor_SkiaSharp()
    {
        var references = ProductionAssemblies.ReferencedClosure(ProductionAssemblies.Api);

        Assert.DoesNotContain(ProductionAssemblies.Imaging, references);
        Assert.DoesNotContain(references, r => r.StartsWith("SkiaSharp", StringComparison.Ordinal));
    }

    [Fact]
    public void Contracts_use_no_SnapMagic_project() =>
        Assert.DoesNotContain(ProductionAssemblies.ReferencedClosure(ProductionAssemblies.Contracts), r => r.StartsWith("SnapMagic.", StringComparison.Ordinal));

    [Theory]
    [InlineData(ProductionAssemblies.Core)]
    [InlineData(ProductionAssemblies.Imaging)]
    [InlineData(ProductionAssemblies.Contracts)]
    [InlineData(ProductionAssemblies.ServiceDefaults)]
    public void A_library_uses_no_service(string library)
    {
        var references = ProductionAssemblies.ReferencedClosure(library);

        Assert.All(ProductionAssemblies.Services, service => Assert.DoesNotContain(service, references));
    }

    [Fact]
    public void The_page_host_uses_no_Core() =>
        Assert.DoesNotContain(ProductionAssemblies.Core, ProductionAssemblies.ReferencedClosure(ProductionAssemblies.Web));
}
