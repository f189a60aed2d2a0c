using SnapMagic.Embedded;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedJobStoreContractTests : JobStoreContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<IJobStore> CreateStoreAsync() =>
        Task.FromResult<IJobStore>(_directories.Own(new SqliteJobStore(_directories.New())));

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }
}
