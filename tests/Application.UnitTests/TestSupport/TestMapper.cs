using AutoMapper;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>The mapper exactly as <see cref="DependencyInjection.AddApplicationServices"/> configures it.</summary>
public static class TestMapper
{
    private static readonly Lazy<IMapper> Mapper = new(() =>
        new ServiceCollection().AddApplicationServices().BuildServiceProvider().GetRequiredService<IMapper>());

    public static IMapper Instance => Mapper.Value;
}
