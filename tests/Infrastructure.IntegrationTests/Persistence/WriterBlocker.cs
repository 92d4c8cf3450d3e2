using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>A unit of work holding the database writer until released; <see cref="Done"/> completes with its commit.</summary>
internal sealed record WriterBlocker(TaskCompletionSource Gate, Task<AddIfAbsentResult> Done)
{
    public void Release() => Gate.TrySetResult();
}
