// The jsii runtime (one Node process per test process) is not safe to start from several threads at once, and a
// fixture's synth is most of a class's time anyway: the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
