using CcapBot.Conversations.Dialogs;
using CcapBot.Protocol.Schema;

namespace CcapBot.Conversations;

/// <summary>
/// The explicit route table: which handler answers which activity. Order of precedence:
/// invoke by name; card submit by verb (Action.Execute and Action.Submit alike); other messages;
/// conversation and installation updates. First contact (welcome) runs before any of them.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, Type> _invokes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _verbs = new(StringComparer.Ordinal);

    public Type? FirstContactHandler { get; private set; }
    public Type? MessageHandler { get; private set; }
    public Type? UnknownVerbHandler { get; private set; }

    public RouteTable FirstContact<THandler>() where THandler : IActivityHandler => Set(ref _firstContact, typeof(THandler), t => FirstContactHandler = t);
    public RouteTable Message<THandler>() where THandler : IActivityHandler => Set(ref _message, typeof(THandler), t => MessageHandler = t);
    public RouteTable UnknownVerb<THandler>() where THandler : IActivityHandler => Set(ref _unknownVerb, typeof(THandler), t => UnknownVerbHandler = t);

    /// <summary>The conversation engine: typed text, its card verbs, and the forms and commands features register.</summary>
    public DialogRegistry? DialogRegistry { get; private set; }

    public RouteTable Dialogs(Action<DialogRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        if (DialogRegistry is not null) throw new InvalidOperationException("Dialogs are configured twice.");
        var registry = new DialogRegistry();
        register(registry);
        DialogRegistry = registry;
        Message<DialogDispatcher>();
        foreach (var verb in DialogVerbs.All.Concat(registry.Verbs)) Verb<DialogDispatcher>(verb);
        return this;
    }

    public RouteTable Invoke<THandler>(string name) where THandler : IActivityHandler
    {
        if (!_invokes.TryAdd(name, typeof(THandler))) throw new InvalidOperationException($"Invoke '{name}' is routed twice.");
        return this;
    }

    public RouteTable Verb<THandler>(string verb) where THandler : IActivityHandler
    {
        if (!_verbs.TryAdd(verb, typeof(THandler))) throw new InvalidOperationException($"Card verb '{verb}' is routed twice.");
        return this;
    }

    public Type? ForInvoke(string? name) => name is not null && _invokes.TryGetValue(name, out var t) ? t : null;
    public Type? ForVerb(string? verb) => verb is not null && _verbs.TryGetValue(verb, out var t) ? t : UnknownVerbHandler;

    public IEnumerable<Type> HandlerTypes =>
        _invokes.Values.Concat(_verbs.Values).Concat(new[] { FirstContactHandler, MessageHandler, UnknownVerbHandler }.OfType<Type>())
            .Concat(DialogRegistry?.HandlerTypes ?? []).Distinct();

    private bool _firstContact, _message, _unknownVerb;

    private RouteTable Set(ref bool taken, Type handler, Action<Type> assign)
    {
        if (taken) throw new InvalidOperationException($"{handler.Name}: that route already has a handler.");
        taken = true;
        assign(handler);
        return this;
    }

    /// <summary>Activity types the pipeline acknowledges without a handler (200, nothing else).</summary>
    public static bool IsTurnType(string? type) => type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;
}
