// Each test class starts real processes; on CI's two cores they run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
