using Amazon.CDK.AWS.EC2;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// The event's VPC: a new one over two Availability Zones (public subnets for the load balancer, private ones with
/// one NAT gateway for the tasks and the backplane; S3 and DynamoDB through free gateway endpoints, not the NAT),
/// or an existing one looked up by id.
/// </summary>
public sealed class Network : Construct
{
    public IVpc Vpc { get; }

    public Network(Construct scope, string id, EventStackOptions options) : base(scope, id)
    {
        if (options.VpcId is { } vpcId)
        {
            Vpc = Amazon.CDK.AWS.EC2.Vpc.FromLookup(this, "Vpc", new VpcLookupOptions { VpcId = vpcId });
            return;
        }

        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            // One NAT gateway for a few days' event: the tasks reach ECR, Bedrock and the AWS APIs through it.
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "services", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
        });
        vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        vpc.AddGatewayEndpoint("DynamoDb", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB });
        Vpc = vpc;
    }
}
