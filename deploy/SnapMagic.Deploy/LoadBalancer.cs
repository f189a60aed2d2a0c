using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// One Application Load Balancer, one origin for the page and the Api: <c>/api/*</c> and <c>/hubs/*</c> go to the Api,
/// everything else to the Web host, so the browser never makes a cross-origin call. HTTPS on the given domain when a
/// certificate is given (HTTP then redirects). The idle timeout is well above SignalR's 15 s keep-alive, so an open
/// WebSocket is never cut between pings.
/// </summary>
public sealed class LoadBalancer : Construct
{
    public const int ContainerPort = 8080;
    public const int IdleTimeoutSeconds = 120;
    public static readonly string[] ApiPaths = ["/api/*", "/hubs/*"];
    public const string HealthPath = "/health";

    public ApplicationLoadBalancer Alb { get; }
    public ApplicationTargetGroup ApiTargets { get; }
    public ApplicationTargetGroup WebTargets { get; }

    /// <summary>The origin browsers use: https://domain, or http://the-alb-dns-name.</summary>
    public string SiteUrl { get; }

    public LoadBalancer(Construct scope, string id, EventStackOptions options, IVpc vpc) : base(scope, id)
    {
        Alb = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps
        {
            Vpc = vpc,
            InternetFacing = true,
            IdleTimeout = Duration.Seconds(IdleTimeoutSeconds),
            DropInvalidHeaderFields = true,
        });

        ApiTargets = TargetGroup("ApiTargets", vpc);
        WebTargets = TargetGroup("WebTargets", vpc);

        ApplicationListener listener;
        if (options.CertificateArn is { } certificateArn)
        {
            listener = Alb.AddListener("Https", new BaseApplicationListenerProps
            {
                Protocol = ApplicationProtocol.HTTPS,
                Port = 443,
                Certificates = [ListenerCertificate.FromCertificateManager(Certificate.FromCertificateArn(this, "Certificate", certificateArn))],
                SslPolicy = SslPolicy.RECOMMENDED_TLS,
                DefaultAction = ListenerAction.Forward([WebTargets]),
            });
            Alb.AddRedirect(new ApplicationLoadBalancerRedirectConfig { SourcePort = 80, TargetPort = 443 });
            SiteUrl = $"https://{options.DomainName}";
        }
        else
        {
            listener = Alb.AddListener("Http", new BaseApplicationListenerProps
            {
                Protocol = ApplicationProtocol.HTTP,
                Port = 80,
                DefaultAction = ListenerAction.Forward([WebTargets]),
            });
            SiteUrl = $"http://{Alb.LoadBalancerDnsName}";
        }

        listener.AddAction("ApiRoutes", new AddApplicationActionProps
        {
            Priority = 10,
            Conditions = [ListenerCondition.PathPatterns(ApiPaths)],
            Action = ListenerAction.Forward([ApiTargets]),
        });
    }

    private ApplicationTargetGroup TargetGroup(string id, IVpc vpc) => new(this, id, new ApplicationTargetGroupProps
    {
        Vpc = vpc,
        TargetType = TargetType.IP,
        Protocol = ApplicationProtocol.HTTP,
        Port = ContainerPort,
        DeregistrationDelay = Duration.Seconds(30),
        HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
        {
            Path = HealthPath,
            HealthyHttpCodes = "200",
            Interval = Duration.Seconds(15),
            Timeout = Duration.Seconds(5),
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 3,
        },
    });
}
