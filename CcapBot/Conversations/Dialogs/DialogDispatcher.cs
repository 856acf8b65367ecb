using System.Text.Json;
using System.Text.RegularExpressions;
using CcapBot.Cards;
using CcapBot.Conversations.Forms;
using CcapBot.Localization;
using CcapBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CcapBot.Conversations.Dialogs;

/// <summary>
/// The conversation engine's entry: typed text and the engine's card verbs. Order for text: a pending question
/// about the dialog (cancel? continue?) → the idle check → commands (interruptions: help, cancel, back, start
/// over, skip, language, and feature commands) → the answer to the current question. Card buttons carry the
/// run's instance id and step, so an out-of-date card (double click, Teams retry, old message) has no effect.
/// Sibling files: <c>.Forms.cs</c> (form flow), <c>.Cards.cs</c> (cards).
/// </summary>
public sealed partial class DialogDispatcher(
    DialogRegistry registry,
    CommandRecognizer recognizer,
    FieldParser parser,
    FormText formText,
    CardBinder cards,
    IServiceProvider services,
    IOptions<DialogOptions> options,
    ILogger<DialogDispatcher> log) : IActivityHandler
{
    private const int ClosedRunsKept = 5;
    private Localizer Text => formText.Strings;

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var state = DialogState.Read(turn.Member);
        var form = state.Run is { } active && registry.FormIds.Contains(active.FormId) ? Resolve(active.FormId) : null;
        if (state.Run is not null && form is null) state.Run = null; // a form no longer offered
        if (form is not null) await form.PrepareAsync(turn, cancellationToken);
        var d = new DialogTurn(turn, state, form, cancellationToken);

        if (turn.Verb is not null) await OnVerbAsync(d);
        else await OnTextAsync(d, StripMentions(turn.Activity.Text));

        if (state.Closed.Count > ClosedRunsKept) state.Closed.RemoveRange(0, state.Closed.Count - ClosedRunsKept);
        state.Write(turn.Member);
        if (turn.Activity.Type == ActivityTypes.Invoke && turn.InvokeResponse is null)
            turn.InvokeResponse = CardInvoke.Message(Text.Get(d.Language, "Dialog.Ok"));
    }

    private async Task OnTextAsync(DialogTurn d, string text)
    {
        var run = d.State.Run;
        if (run is null)
        {
            if (recognizer.Recognize(text) is { } command)
            {
                d.Turn.CommandNumber = command.Number;
                await RunCommandAsync(d, command.CommandId);
            }
            else if (!await TryTextHandlersAsync(d, text))
            {
                d.Turn.SendText(Text.Get(d.Language, "Message.NotUnderstood"));
            }
            return;
        }

        if (run.Pending is not null)
        {
            await OnPendingTextAsync(d, text);
            return;
        }

        // A message long after the last step is more likely a new conversation than an answer to a stale prompt.
        if (d.Turn.Now - run.UpdatedAt > options.Value.IdleTimeout)
        {
            LogResumeAsked(log, run.FormId);
            run.Pending = new PendingQuestion(PendingKind.Resume);
            Touch(d);
            Send(d, QuestionCard(d));
            return;
        }

        if (recognizer.Recognize(text) is { } match)
        {
            if (run.Stage == RunStage.Asking && d.CurrentField is { } field && parser.Parse(d.FieldContext, field, text) is { Value: not null })
            {
                // An option of a choice question ("Tiếng Việt" for the language) is the answer.
                if (!field.IsFreeText)
                {
                    await AnswerAsync(d, text, skip: false, fromCard: false);
                    return;
                }
                // "Huy" is a name as well as "hủy" (cancel): when a forgiving match is also a valid answer, ask.
                if (!match.Exact)
                {
                    run.Pending = new PendingQuestion(PendingKind.Ambiguous, match.CommandId, text);
                    Touch(d);
                    Send(d, QuestionCard(d));
                    return;
                }
            }
            d.Turn.CommandNumber = match.Number;
            await RunCommandAsync(d, match.CommandId);
            return;
        }

        switch (run.Stage)
        {
            case RunStage.Asking:
                await AnswerAsync(d, text, skip: false, fromCard: false);
                break;
            case RunStage.Card:
                d.Turn.SendText(Text.Get(d.Language, "Dialog.UseTheCard"));
                break;
            case RunStage.Summary:
                if (IsWord(text, "Dialog.YesWords")) await ConfirmAsync(d, fromCard: false);
                else d.Turn.SendText(Text.Get(d.Language, "Dialog.SummaryHint"));
                break;
        }
    }

    private async Task OnVerbAsync(DialogTurn d)
    {
        var data = d.Turn.SubmitData is { ValueKind: JsonValueKind.Object } v ? v : default;
        var verb = d.Turn.Verb!;
        if (verb == DialogVerbs.Help)
        {
            await RunCommandAsync(d, BuiltInCommands.Help);
            return;
        }
        if (registry.Commands.FirstOrDefault(c => c.Definition.Verb == verb) is { } featureCommand)
        {
            await RunCommandAsync(d, featureCommand.Definition.Id);
            return;
        }

        var instance = String(data, "instance");
        if (verb == DialogVerbs.Command && instance is null)
        {
            if (String(data, "command") is { } commandId) await RunCommandAsync(d, commandId);
            return;
        }

        if (!IsCurrent(d, data, instance, needsStep: verb is not (DialogVerbs.Submit or DialogVerbs.Mode or DialogVerbs.Cancel))) return;
        var run = d.State.Run!;
        switch (verb)
        {
            case DialogVerbs.Answer when run.Stage == RunStage.Asking && String(data, "field") == run.Field:
                var raw = String(data, "value") ?? "";
                if (String(data, "other") is { Length: > 0 } other) raw = raw.Length > 0 ? $"{raw}, other: {other}" : $"other: {other}";
                await AnswerAsync(d, raw, skip: data.TryGetProperty("skip", out var skip) && skip.ValueKind == JsonValueKind.True, fromCard: true);
                break;
            case DialogVerbs.Submit:
                await SubmitCardAsync(d, data);
                break;
            case DialogVerbs.Edit when run.Stage == RunStage.Summary && String(data, "field") is { } field && d.Form!.Definition.Fields.Any(f => f.Id == field):
                await EditAsync(d, field);
                break;
            case DialogVerbs.Confirm when run.Stage == RunStage.Summary:
                await ConfirmAsync(d, fromCard: true);
                break;
            case DialogVerbs.Cancel:
                run.Pending = new PendingQuestion(PendingKind.Cancel);
                Touch(d);
                Replace(d, QuestionCard(d));
                break;
            case DialogVerbs.Mode:
                await SwitchModeAsync(d, String(data, "mode") == "card" ? RunStage.Card : RunStage.Asking, fromCard: true);
                break;
            case DialogVerbs.Reply when run.Pending is not null:
                await OnPendingAnswerAsync(d, String(data, "answer") ?? "", fromCard: true);
                break;
            case DialogVerbs.Command when String(data, "command") is { } commandId:
                await RunCommandAsync(d, commandId);
                break;
            default:
                OutOfDate(d);
                break;
        }
    }

    /// <summary>
    /// A button belongs to the active run (and, for buttons that change it, to its current step). Otherwise
    /// nothing happens: Teams is told the card is out of date; a web chat re-submit is ignored silently.
    /// </summary>
    private bool IsCurrent(DialogTurn d, JsonElement data, string? instance, bool needsStep)
    {
        var run = d.State.Run;
        if (run is not null && instance == run.InstanceId && (!needsStep || Int(data, "step") == run.Step)) return true;
        var closed = d.State.Closed.FirstOrDefault(c => c.InstanceId == instance);
        LogOutOfDate(log, d.Turn.Verb);
        if (d.Turn.Activity.Type == ActivityTypes.Invoke)
            d.Turn.InvokeResponse = CardInvoke.Message(Text.Get(d.Language, closed is { Completed: true } ? "Dialog.AlreadyDone" : "Dialog.OutOfDate"));
        return false;
    }

    private void OutOfDate(DialogTurn d)
    {
        if (d.Turn.Activity.Type == ActivityTypes.Invoke) d.Turn.InvokeResponse = CardInvoke.Message(Text.Get(d.Language, "Dialog.OutOfDate"));
    }

    private async Task RunCommandAsync(DialogTurn d, string commandId)
    {
        LogCommand(log, commandId);
        var run = d.State.Run;
        switch (commandId)
        {
            case BuiltInCommands.Help:
                ShowHelp(d);
                return;
            case BuiltInCommands.Cancel or BuiltInCommands.StartOver when run is not null:
                run.Pending = new PendingQuestion(commandId == BuiltInCommands.Cancel ? PendingKind.Cancel : PendingKind.StartOver);
                Touch(d);
                Present(d, QuestionCard(d));
                return;
            case BuiltInCommands.Back when run is not null:
                GoBack(d);
                return;
            case BuiltInCommands.Skip when run is { Stage: RunStage.Asking }:
                await AnswerAsync(d, "", skip: true, fromCard: d.Turn.Verb is not null);
                return;
            case BuiltInCommands.Language or BuiltInCommands.English or BuiltInCommands.Vietnamese:
                d.Turn.Member.Language = commandId switch
                {
                    BuiltInCommands.English => Languages.English,
                    BuiltInCommands.Vietnamese => Languages.Vietnamese,
                    _ => d.Language == Languages.English ? Languages.Vietnamese : Languages.English,
                };
                d.Turn.SendText(Text.Get(d.Language, "Dialog.LanguageSet"));
                if (run is not null) ShowCurrent(d, replace: false);
                return;
            case BuiltInCommands.FormView or BuiltInCommands.ChatView when run is not null:
                await SwitchModeAsync(d, commandId == BuiltInCommands.FormView ? RunStage.Card : RunStage.Asking, fromCard: false);
                return;
        }

        if (registry.Commands.FirstOrDefault(c => c.Definition.Id == commandId) is not { } command)
        {
            // A built-in that needs a form when none is open.
            d.Turn.SendText(Text.Get(d.Language, "Dialog.NoForm"));
            return;
        }
        if (run is not null)
        {
            if (run.FormId == command.FormId)
            {
                d.Turn.SendText(Text.Get(d.Language, "Dialog.AlreadyInForm"));
                ShowCurrent(d, replace: false);
                return;
            }
            run.Pending = new PendingQuestion(PendingKind.Switch, command.Definition.Id);
            Touch(d);
            Present(d, QuestionCard(d));
            return;
        }
        if (command.FormId is { } formId)
        {
            await StartFormAsync(d, formId);
        }
        else
        {
            await ((IActivityHandler)services.GetRequiredService(command.Handler!)).HandleAsync(d.Turn, d.CancellationToken);
        }
    }

    private async Task<bool> TryTextHandlersAsync(DialogTurn d, string text)
    {
        foreach (var type in registry.TextHandlers)
        {
            if (await ((ITextHandler)services.GetRequiredService(type)).TryHandleAsync(d.Turn, text, d.CancellationToken)) return true;
        }
        return false;
    }

    private async Task OnPendingTextAsync(DialogTurn d, string text)
    {
        var pending = d.State.Run!.Pending!;
        var command = recognizer.Recognize(text)?.CommandId;
        var answer = pending.Kind switch
        {
            PendingKind.Resume when IsWord(text, "Dialog.ContinueWords") || IsWord(text, "Dialog.YesWords") => "continue",
            PendingKind.Resume when command == BuiltInCommands.StartOver => "restart",
            PendingKind.Ambiguous when command == pending.Command => "command",
            PendingKind.Cancel when command == BuiltInCommands.Cancel => "yes",
            _ when IsWord(text, "Dialog.YesWords") => "yes",
            _ when IsWord(text, "Dialog.NoWords") => "no",
            _ => null,
        };
        if (answer is null && pending.Kind == PendingKind.Ambiguous)
        {
            // Neither: forget the question and take the new message on its own.
            d.State.Run!.Pending = null;
            await OnTextAsync(d, text);
            return;
        }
        if (answer is null)
        {
            d.Turn.SendText(Text.Get(d.Language, "Dialog.ChooseAnOption"));
            Send(d, QuestionCard(d));
            return;
        }
        await OnPendingAnswerAsync(d, answer, fromCard: false);
    }

    private async Task OnPendingAnswerAsync(DialogTurn d, string answer, bool fromCard)
    {
        var run = d.State.Run!;
        var pending = run.Pending!;
        var chosen = QuestionOptions(d, pending).FirstOrDefault(o => o.Answer == answer);
        if (chosen is null)
        {
            OutOfDate(d);
            return;
        }
        run.Pending = null;
        Touch(d);
        // The question card now shows what was chosen, without buttons.
        if (fromCard) Replace(d, QuestionCard(d, pending, answered: chosen.Title));

        switch (pending.Kind, answer)
        {
            case (PendingKind.Cancel, "yes"):
                Close(d, completed: false);
                d.Turn.SendText(Text.Get(d.Language, "Dialog.Cancelled"));
                break;
            case (PendingKind.StartOver, "yes") or (PendingKind.Resume, "restart"):
                await RestartAsync(d);
                break;
            case (PendingKind.Switch, "yes"):
                Close(d, completed: false);
                await RunCommandAsync(d, pending.Command!);
                break;
            case (PendingKind.Ambiguous, "command"):
                await RunCommandAsync(d, pending.Command!);
                break;
            case (PendingKind.Ambiguous, "answer"):
                await AnswerAsync(d, pending.Text ?? "", skip: false, fromCard: false);
                break;
            default:
                ShowCurrent(d, replace: false);
                break;
        }
    }

    private IForm Resolve(string formId)
    {
        var form = (IForm)services.GetRequiredService(registry.FormType(formId));
        return form.Definition.Id == formId ? form : throw new InvalidOperationException($"Form {formId} is registered with a definition named {form.Definition.Id}.");
    }

    private static void Touch(DialogTurn d)
    {
        var run = d.State.Run!;
        run.Step++;
        run.UpdatedAt = d.Turn.Now;
    }

    private void Close(DialogTurn d, bool completed)
    {
        var run = d.State.Run!;
        d.State.Closed.Add(new ClosedRun(run.InstanceId, run.FormId, completed, d.Turn.Now));
        d.State.Run = null;
        LogClosed(log, run.FormId, completed);
    }

    private bool IsWord(string text, string key)
    {
        var folded = TextMatching.Fold(text);
        return folded.Length > 0 && formText.Words(key).Any(w => TextMatching.Fold(w) == folded);
    }

    private static string? String(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
            : v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null
            : null;

    private static string StripMentions(string? text) => Mention().Replace(text ?? "", " ").Trim();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Command {CommandId}")]
    private static partial void LogCommand(ILogger logger, string commandId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "A card action for an earlier step or run ({Verb}) was ignored")]
    private static partial void LogOutOfDate(ILogger logger, string? verb);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Form {FormId} idle too long; asking to continue or start over")]
    private static partial void LogResumeAsked(ILogger logger, string formId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Form {FormId} started")]
    private static partial void LogStarted(ILogger logger, string formId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Form {FormId} closed (completed: {Completed})")]
    private static partial void LogClosed(ILogger logger, string formId, bool completed);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Form {FormId} card submit rejected: {ErrorCount} field error(s)")]
    private static partial void LogRejected(ILogger logger, string formId, int errorCount);
}

/// <summary>One turn as the dialog engine sees it.</summary>
internal sealed class DialogTurn(TurnContext turn, DialogState state, IForm? form, CancellationToken cancellationToken)
{
    public TurnContext Turn { get; } = turn;
    public DialogState State { get; } = state;
    public IForm? Form { get; set; } = form;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public string Language => Turn.Language;
    public FormDefinition Definition => Form!.Definition;
    public FormAnswers Answers => new(State.Run!.Answers);
    public FieldDefinition? CurrentField => State.Run?.Field is { } id && Form is not null ? Definition.Fields.FirstOrDefault(f => f.Id == id) : null;

    public FieldContext FieldContext => Context(Answers);

    public FieldContext Context(FormAnswers answers) =>
        new(Definition, Language, Turn.Now, Turn.Today, TimeZones.Canonical(Turn.Member.ClientTimeZone), answers);
}
