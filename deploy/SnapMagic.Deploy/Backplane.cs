using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// The Api replicas' shared Redis-protocol server (<c>ConnectionStrings:redis</c>): SignalR's backplane, the push
/// de-duplication and the per-session rate limit. Valkey on ElastiCache, a primary and a replica in two Availability
/// Zones with automatic failover, TLS required, encrypted at rest, reachable from the Api's security group only.
/// Created only with more than one Api replica.
/// </summary>
public sealed class Backplane : Construct
{
    public const int Port = 6379;
    public const string NodeType = "cache.t4g.small";

    public SecurityGroup SecurityGroup { get; }
    public CfnReplicationGroup ReplicationGroup { get; }

    /// <summary>The StackExchange.Redis connection string every Api replica gets.</summary>
    public string ConnectionString => $"{ReplicationGroup.AttrPrimaryEndPointAddress}:{Port},ssl=true,abortConnect=false";

    public Backplane(Construct scope, string id, IVpc vpc) : base(scope, id)
    {
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "SnapMagic backplane, reachable from the Api replicas only",
            AllowAllOutbound = false,
        });

        var subnets = new CfnSubnetGroup(this, "Subnets", new CfnSubnetGroupProps
        {
            Description = "Private subnets of the SnapMagic backplane",
            SubnetIds = vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS }).SubnetIds,
        });

        ReplicationGroup = new CfnReplicationGroup(this, "ReplicationGroup", new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = "SnapMagic SignalR backplane, push de-duplication and rate limits",
            Engine = "valkey",
            EngineVersion = "8.0",
            CacheNodeType = NodeType,
            NumCacheClusters = 2,
            AutomaticFailoverEnabled = true,
            MultiAzEnabled = true,
            TransitEncryptionEnabled = true,
            TransitEncryptionMode = "required",
            AtRestEncryptionEnabled = true,
            CacheSubnetGroupName = subnets.Ref,
            SecurityGroupIds = [SecurityGroup.SecurityGroupId],
            Port = Port,
        });
    }

    public void AdmitFrom(ISecurityGroup clients) =>
        SecurityGroup.AddIngressRule(clients, Amazon.CDK.AWS.EC2.Port.Tcp(Port), "Api replicas");
}
