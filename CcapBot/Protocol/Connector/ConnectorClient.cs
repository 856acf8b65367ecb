using System.Net.Http.Json;
using System.Text.Json;
using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol.Connector;

/// <summary>
/// Typed HttpClient for the Connector REST API. Tokens are attached by <see cref="ConnectorAuthHandler"/>
/// and transient failures retried by <see cref="ConnectorRetryHandler"/>, so callers see one call.
/// </summary>
public sealed class ConnectorClient(HttpClient http) : IConnectorClient
{
    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        PostActivityAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities"), activity, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        PostActivityAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}"), activity with { ReplyToId = replyToId }, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        PostActivityAsync(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}"), activity with { Id = activityId }, cancellationToken);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}"), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var response = await http.PostAsJsonAsync(Url(serviceUrl, "v3/conversations"), parameters, ProtocolJsonContext.Default.ConversationParameters, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync(response, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken) ?? new();
    }

    private async Task<ResourceResponse> PostActivityAsync(HttpMethod method, Uri url, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var request = new HttpRequestMessage(method, url)
        {
            // The channel assigns ids; a sent activity must not carry one (spec A2031) except on update.
            Content = JsonContent.Create(method == HttpMethod.Put ? activity : activity with { Id = null }, ProtocolJsonContext.Default.Activity),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken) ?? new();
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0) return default;
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            return default; // some channels answer 200 with an empty or non-JSON body
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        ErrorDetail? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.ErrorResponse, cancellationToken))?.Error;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // error body is optional
        }
        throw new ConnectorException((int)response.StatusCode, error?.Code,
            $"Connector {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {error?.Code} {error?.Message}".TrimEnd())
        {
            RetryAfter = RetryAfter(response),
        };
    }

    // Retry-After is either seconds or an HTTP date; a date is read against the response's own Date header.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } sent => date > sent ? date - sent : TimeSpan.Zero,
        _ => null,
    };

    internal static Uri Url(string serviceUrl, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), relative);
    }

    // Teams ids contain ':', '@' and ';' (e.g. "19:abc@thread.tacv2;messageid=1").
    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        return Uri.EscapeDataString(segment);
    }
}
