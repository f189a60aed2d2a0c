using SnapMagic.Embedded;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedImageStoreContractTests : ImageStoreContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<IImageStore> CreateStoreAsync() =>
        Task.FromResult<IImageStore>(new FileImageStore(_directories.New()));

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }
}
