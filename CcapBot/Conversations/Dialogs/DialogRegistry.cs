using System.Text.Json;
using CcapBot.Conversations.Forms;

namespace CcapBot.Conversations.Dialogs;

/// <summary>
/// A command users can type (or press as a card button). Its texts are resources by convention:
/// <c>Command.{Id}.Title</c>, <c>Command.{Id}.Description</c> (help card) and <c>Command.{Id}.Phrases</c>
/// ("profile|settings|…", matched in every language, forgiving case, accents and typos).
/// </summary>
/// <param name="Verb">A card verb that runs the same command (e.g. a welcome card button), if any.</param>
/// <param name="TakesNumber">
/// The command may end with a number ("suggest mentors for 12", "#12"): the handler reads it from
/// <see cref="TurnContext.CommandNumber"/>; without one the command runs as usual.
/// </param>
public sealed record CommandDefinition(string Id, string? Verb = null, bool TakesNumber = false)
{
    public static IEnumerable<string> Keys(string id) => [$"Command.{id}.Title", $"Command.{id}.Description", $"Command.{id}.Phrases"];
}

/// <summary>A form a feature offers: its definition, the answers to start from, and what confirming does.</summary>
public interface IForm
{
    FormDefinition Definition { get; }

    /// <summary>Answers to start with (e.g. what is stored already), in canonical form; none unless a form says so.</summary>
    Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(new Dictionary<string, JsonElement>());

    /// <summary>The user confirmed the summary: store the answers (same transaction as the turn). Returns the confirmation text.</summary>
    Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken);

    /// <summary>
    /// Runs before the engine reads <see cref="Definition"/> in a turn: a form whose choices or conditions come from
    /// data (categories, known cities) loads them here, so the definition is current without blocking calls.
    /// </summary>
    Task PrepareAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Why this user may not start the form now, in their language (e.g. "only representatives of approved cities may apply"); null to start.</summary>
    Task<string?> RefuseStartAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Free text a feature understands beyond whole-message commands ("activity 2 done"). Asked in registration order
/// when no form is running and no command matched; the first that answers true has handled the turn.
/// </summary>
public interface ITextHandler
{
    Task<bool> TryHandleAsync(TurnContext turn, string text, CancellationToken cancellationToken);
}

/// <summary>A feature command's registration: it starts a form, or runs a handler.</summary>
public sealed record RegisteredCommand(CommandDefinition Definition, string? FormId, Type? Handler);

/// <summary>
/// What features add to the conversation engine, from <c>Hosting/Routes.cs</c>:
/// <code>.Dialogs(d => d.Form&lt;ProfileForm&gt;(ProfileForm.Id, new CommandDefinition("profile")))</code>
/// </summary>
public sealed class DialogRegistry
{
    private readonly Dictionary<string, Type> _forms = new(StringComparer.Ordinal);
    private readonly List<RegisteredCommand> _commands = [];
    private readonly List<Type> _textHandlers = [];

    /// <summary>Registers a form (resolved per turn from DI) and, optionally, the command that starts it.</summary>
    public DialogRegistry Form<TForm>(string formId, CommandDefinition? command = null) where TForm : class, IForm
    {
        if (!_forms.TryAdd(formId, typeof(TForm))) throw new InvalidOperationException($"Form '{formId}' is registered twice.");
        if (command is not null) Add(new RegisteredCommand(command, formId, null));
        return this;
    }

    /// <summary>Registers a command answered by a handler (it sees the turn like any route).</summary>
    public DialogRegistry Command<THandler>(CommandDefinition command) where THandler : IActivityHandler
    {
        Add(new RegisteredCommand(command, null, typeof(THandler)));
        return this;
    }

    /// <summary>Registers a free-text handler (resolved per turn from DI), tried before "I didn't understand".</summary>
    public DialogRegistry Text<THandler>() where THandler : ITextHandler
    {
        if (_textHandlers.Contains(typeof(THandler))) throw new InvalidOperationException($"Text handler {typeof(THandler).Name} is registered twice.");
        _textHandlers.Add(typeof(THandler));
        return this;
    }

    private void Add(RegisteredCommand command)
    {
        if (BuiltInCommands.All.Contains(command.Definition.Id) || _commands.Any(c => c.Definition.Id == command.Definition.Id))
            throw new InvalidOperationException($"Command '{command.Definition.Id}' is registered twice.");
        _commands.Add(command);
    }

    public IReadOnlyList<RegisteredCommand> Commands => _commands;

    public IReadOnlyCollection<string> FormIds => _forms.Keys;

    public Type FormType(string formId) =>
        _forms.TryGetValue(formId, out var type) ? type : throw new KeyNotFoundException($"No form '{formId}' is registered.");

    public IEnumerable<string> Verbs => _commands.Select(c => c.Definition.Verb).OfType<string>();

    public IReadOnlyList<Type> TextHandlers => _textHandlers;

    public IEnumerable<Type> HandlerTypes => _forms.Values.Concat(_commands.Select(c => c.Handler).OfType<Type>()).Concat(_textHandlers).Distinct();
}

/// <summary>Commands the engine itself answers at any step.</summary>
public static class BuiltInCommands
{
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string StartOver = "restart";
    public const string Skip = "skip";
    public const string Language = "language";
    public const string English = "english";
    public const string Vietnamese = "vietnamese";
    /// <summary>Show the form being filled in as one card.</summary>
    public const string FormView = "formview";
    /// <summary>Go on one question at a time.</summary>
    public const string ChatView = "chatview";

    public static IReadOnlyList<string> All { get; } = [Help, Cancel, Back, StartOver, Skip, Language, English, Vietnamese, FormView, ChatView];
}

/// <summary>Card verbs of the engine's own cards; handlers and templates share them.</summary>
public static class DialogVerbs
{
    public const string Answer = "form.answer";
    public const string Submit = "form.submit";
    public const string Edit = "form.edit";
    public const string Confirm = "form.confirm";
    public const string Cancel = "form.cancel";
    public const string Mode = "form.mode";
    public const string Reply = "dialog.reply";
    public const string Command = "dialog.command";
    /// <summary>The welcome card's "What can I do?".</summary>
    public const string Help = "help.show";

    public static IReadOnlyList<string> All { get; } = [Answer, Submit, Edit, Confirm, Cancel, Mode, Reply, Command, Help];
}
