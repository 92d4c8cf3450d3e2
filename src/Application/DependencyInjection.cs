using System.Reflection;
using FluentValidation;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Behaviours;
using Messaging.Application.Common.Configuration;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Conversations;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.PendingStatuses;
using Messaging.Application.Messages.Recording;
using Messaging.Application.Messages.UnknownOutcomes;
using Messaging.Application.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the mediator with its handlers and pipeline, the validators and the mappings.
    /// The caller provides <see cref="TimeProvider"/>, logging, the ports in <c>Common/Interfaces</c> and, optionally,
    /// the binding of <see cref="CustomerServiceWindowOptions"/>, <see cref="PhoneNumberOptions"/>,
    /// <see cref="TemplateOptions"/> and <see cref="UnknownOutcomeOptions"/> to configuration.
    /// </summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // MediatR 5 has no container integration of its own; it resolves everything through this delegate.
        services.AddTransient<ServiceFactory>(sp => sp.GetService!);
        services.AddTransient<IMediator, Mediator>();
        AddRequestHandlers(services, assembly);
        services.AddTransient<PendingStatusReconciler>();
        services.AddTransient<MessageEvents>();
        services.AddTransient<MessageRecorder>();
        services.AddTransient<CustomerServiceWindowGuard>();
        services.AddTransient<UnknownOutcomeReconciler>();
        services.TryAddSingleton<UnknownOutcomesOpen>();

        // One catalogue per process, so the templates read from Twilio are shared by every request.
        services.TryAddSingleton<TemplateCatalogue>();
        services.AddTransient<TemplateSendGuard>();

        services.AddMessagingTelemetry();

        // Registration order is pipeline order, outermost first: the span covers everything, failures of validation
        // are seen by the logger and counted as refused sends.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TracingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddTransient<IPipelineBehavior<SendMessageCommand, MessageDto>, SendOutcomeBehaviour>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        // Validators hold only their rules, built once: rebuilding them for every request cost more than validating.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);
        services.AddAutoMapper(_ => { }, assembly);

        // Defaults apply unless the host binds the section (see CustomerServiceWindowOptions.SectionName).
        services.AddOptions<CustomerServiceWindowOptions>();
        services.AddValidatedOptions<PhoneNumberOptions, PhoneNumberOptionsValidator>();
        services.AddValidatedOptions<TemplateOptions, TemplateOptionsValidator>();
        services.AddValidatedOptions<UnknownOutcomeOptions, UnknownOutcomeOptionsValidator>();

        return services;
    }

    private static void AddRequestHandlers(IServiceCollection services, Assembly assembly)
    {
        var handlers =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
            select (contract, type);

        foreach (var (contract, type) in handlers)
        {
            services.AddTransient(contract, type);
        }
    }
}
