namespace SnapMagic.Deploy.Tests;

public class DeployDirectoryTests
{
    [Fact]
    public void Dotnet_run_writes_the_cloud_assembly_to_deploy_cdk_out_unless_the_cdk_cli_chose_a_folder()
    {
        Assert.True(File.Exists(Path.Combine(DeployDirectory.Path, "cdk.json")), DeployDirectory.Path);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CDK_OUTDIR")))
            Assert.Equal(Path.Combine(DeployDirectory.Path, "cdk.out"), DeployDirectory.CloudAssemblyPath);
    }
}
