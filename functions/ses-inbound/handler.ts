import type { SESEvent } from 'aws-lambda';
import { composeAcknowledgement } from '../../shared/intake/acknowledgement.ts';
import { parseRawMail } from '../../shared/intake/parse-file.ts';
import { decideTrust } from '../../shared/intake/trust.ts';
import { type InboundMail, ingestForwardedMail } from '../../shared/usecases/ingest-forwarded-mail.ts';
import { awsDependencies, type Dependencies, lazily } from '../commons/dependencies.ts';
import { logger, MetricUnit, metrics, withPowertools } from '../commons/powertools.ts';

/** Where SES's S3 action writes each message (the receipt rule's objectKeyPrefix + message id). */
export const RAW_MAIL_PREFIX = 'inbound/';

export function inboundMailOf(record: SESEvent['Records'][number]): InboundMail {
  const { mail, receipt } = record.ses;
  return {
    sesMessageId: mail.messageId,
    receivedAt: new Date(mail.timestamp),
    rawMailKey: `${RAW_MAIL_PREFIX}${mail.messageId}`,
    headerFrom: mail.commonHeaders.from?.[0] ?? mail.source,
    verdicts: {
      spf: receipt.spfVerdict.status,
      dkim: receipt.dkimVerdict.status,
      dmarc: receipt.dmarcVerdict.status,
      virus: receipt.virusVerdict.status,
      spam: receipt.spamVerdict.status,
    },
  };
}

/** SES receipt rule → one report per inbound mail (raw body read from the store). */
export function createSesInboundHandler(getDeps: () => Dependencies) {
  return async (event: SESEvent): Promise<void> => {
    const deps = getDeps();
    // The roster's addresses are trusted reporters too, wherever their mail is hosted.
    await deps.refreshRoster();
    const roster = deps.rosterIndex();
    const onRoster = { has: (address: string) => roster.find({ email: address }) !== undefined };
    const options = {
      reportAddress: deps.config.reportAddress,
      reporterDomains: deps.config.reporterDomains,
      defaultPhoneRegion: deps.config.defaultPhoneRegion,
    };
    for (const record of event.Records) {
      const mail = inboundMailOf(record);
      const { report, outcome } = await ingestForwardedMail(
        {
          ...deps,
          parseRawMail: (raw) => parseRawMail(raw, options),
          decideTrust: (reporterAddress, sesVerdicts) =>
            decideTrust({ reporterAddress, sesVerdicts }, deps.config, onRoster),
          acknowledgeUnreadable: (r) => composeAcknowledgement({ reportId: r.id, channel: r.channel }),
        },
        mail,
      );
      // Quarantined and unparseable mail shows on the dashboard: a spike means spoofing or a broken client.
      if (outcome === 'created') metrics.addMetric(`Reports_${report.status}`, MetricUnit.Count, 1);
      logger.info('inbound mail', {
        sesMessageId: mail.sesMessageId,
        reportId: report.id,
        status: report.status,
        outcome,
      });
    }
  };
}

/** The deployed handler: middy with Powertools, the same for AWS and the local runtime. */
export const buildSesInboundHandler = (getDeps: () => Dependencies) =>
  withPowertools(createSesInboundHandler(getDeps));

export const handler = buildSesInboundHandler(lazily(() => awsDependencies()));
