using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CoCommissioning.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string Body)
{
    /// <summary>Files sent with the message (a meeting's .ics invitation); none by default.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to an <see cref="EmailMessage"/>.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends the product's emails (declaration reminders). One interface so tests and other transports fit.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server. Unset: messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CoCommissioning <no-reply@cocommissioning.local>";

    /// <summary>Where messages go when no SMTP host is set; relative paths are under the app's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/outbox";
}

/// <summary>
/// SMTP through System.Net.Mail, or, in the embedded default with no SMTP host configured, .eml files in a local
/// folder, so a newcomer can read the reminders the app would have sent without a mail server.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IWebHostEnvironment environment, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public string PickupDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mail = new MailMessage(MailAddress(settings.From), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
        };
        foreach (var file in message.Attachments)
        {
            // The message owns the stream: disposing the message disposes it.
            mail.Attachments.Add(new Attachment(new MemoryStream(file.Content), file.FileName, file.ContentType));
        }

        using var client = CreateClient(settings);
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Email {Subject} sent to {To} via {Transport}", message.Subject, message.To, settings.Host ?? PickupDirectory);
    }

    private SmtpClient CreateClient(EmailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            Directory.CreateDirectory(PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = PickupDirectory };
        }

        return new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            Credentials = settings.UserName is null ? null : new NetworkCredential(settings.UserName, settings.Password),
        };
    }

    private static MailAddress MailAddress(string value) => new(value);
}
