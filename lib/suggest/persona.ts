/**
 * The persona a job title stands for, in English, German, French, Spanish and Portuguese (and Italian
 * where it comes free). Marketing systems give a title ("Leiter Vertrieb", "Jefa de Compras", "Head of
 * RevOps"), rarely a persona; the ranker compares personas through this table on both sides, so an
 * item written for "CISO" fits a "Responsable de la sécurité informatique".
 *
 * Order matters: the first matching row wins, so narrow roles (sales operations) come before broad
 * ones (sales), and the function wins over the seniority ("Head of Procurement" is Procurement).
 */
export const PERSONA_TABLE: ReadonlyArray<{ persona: string; pattern: RegExp }> = [
  { persona: 'Security', pattern: /(?<![\p{L}\p{N}])(ciso|cso|security|sicherheit|sécurité|securite|seguridad|segurança|seguranca|sicurezza|infosec)(?![\p{L}\p{N}])/u },
  { persona: 'Compliance', pattern: /(?<![\p{L}\p{N}])(compliance|conformité|conformite|cumplimiento|conformidade|datenschutz|dpo|privacy|risk|risiko|risque|riesgo|risco)/u },
  { persona: 'Legal', pattern: /(?<![\p{L}\p{N}])(legal|counsel|lawyer|attorney|jurist|justiziar|justitiar|rechtsanwalt|juriste|avocat|jurídic|juridic|abogad|advogad|giurist|avvocat)/u },
  { persona: 'Revenue operations', pattern: /(?<![\p{L}\p{N}])(revops|rev ops|revenue operations|sales op(eration)?s|vertriebssteuerung|vertriebsinnendienst|sales enablement|opérations commerciales|operaciones comerciales|operações comerciais|crm)(?![\p{L}\p{N}])/u },
  { persona: 'Procurement', pattern: /(?<![\p{L}\p{N}])(procurement|purchas|buyer|einkauf|beschaffung|achat|acheteu|compras|comprador|aprovisionamiento|suprimentos|acquist)/u },
  { persona: 'Finance', pattern: /(?<![\p{L}\p{N}])(cfo|chief financial|finance|financial|controller|controlling|accounting|finanz|buchhalt|financ|comptab|contab|tesorer|tesoureir)/u },
  { persona: 'IT', pattern: /(?<![\p{L}\p{N}])(cio|cto|it|information technology|informatique|informática|informatica|sistemas|tecnologia|tecnología|edv|architect|architekt|developer|entwickler|engineer|engineering|chief technology|chief information officer|ingenieur|ingénieur|ingeniero|engenheir|devops)(?![\p{L}\p{N}])/u },
  { persona: 'Marketing', pattern: /(?<![\p{L}\p{N}])(marketing|cmo|demand gen|growth|brand|mercadotecnia|communication|kommunikation)/u },
  { persona: 'Customer success', pattern: /(?<![\p{L}\p{N}])(customer success|account manag|kundenbetreuung|kundenerfolg|succès client|éxito del cliente|sucesso do cliente)/u },
  { persona: 'Sales', pattern: /(?<![\p{L}\p{N}])(sales|vertrieb|verkauf|commercial|commerciale|comercial|ventes|ventas|vendas|vendite|business development|account executive|außendienst|key account)/u },
  { persona: 'Operations', pattern: /(?<![\p{L}\p{N}])(coo|operations|operation|betrieb|logisti|logísti|chief operating|dispatch|disposition|disponent|supply chain|transport|opérations|operaciones|operações|operacoes|operazioni|practice manager|front desk|clinic|klinik|clínic|cabinet|produktion|production|producción|produção|lieferkette)/u },
  { persona: 'HR', pattern: /(?<![\p{L}\p{N}])(hr|human resources|people|personal|recruit|talent|rh|ressources humaines|recursos humanos|risorse umane)(?![\p{L}\p{N}])/u },
  { persona: 'Executive', pattern: /(?<![\p{L}\p{N}])(ceo|chief executive|founder|co-founder|owner|president|managing director|general manager|geschäftsführ|geschaftsfuhr|vorstand|inhaber|directeur général|pdg|gérant|director general|director ejecutivo|diretor geral|diretor-geral|presidente|fundador|amministratore delegato)/u },
];

/** The persona of a job title, or undefined when no row of the table fits it. */
export function personaOfTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const normalized = ` ${title.toLowerCase().replace(/[^\p{L}\p{N}&-]+/gu, ' ')} `;
  return PERSONA_TABLE.find((row) => row.pattern.test(normalized))?.persona;
}
