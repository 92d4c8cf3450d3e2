using BenchmarkDotNet.Running;
using Messaging.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkDatabase).Assembly).Run(args, new ShortSqliteConfig());
