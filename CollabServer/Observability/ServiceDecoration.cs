namespace Collab.Server.Observability;

/// <summary>Wraps an already registered service in a decorator, keeping its lifetime.</summary>
internal static class ServiceDecoration
{
    /// <summary>Returns false when <typeparamref name="TService"/> is not registered (nothing to decorate).</summary>
    public static bool TryDecorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);
        if (inner is null) return false;
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(typeof(TService), sp => decorate(sp, Create<TService>(sp, inner)), inner.Lifetime));
        return true;
    }

    private static T Create<T>(IServiceProvider sp, ServiceDescriptor descriptor) => (T)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
