/** The demo's executive-interview form, as first written (v1) and as revised (v2, with hints). */
export const DEMO_FORM_YAML_V1 = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
  - id: priorities
    text: What are the most important priorities for the next 18 months?
  - id: obstacles
    text: What gets in the way of delivering those priorities?
  - id: customers
    text: How are your customers' needs changing?
  - id: capabilities
    text: Which capabilities does the company lack today?
  - id: success
    text: What would success look like three years from now?
  - id: anything-else
    text: Is there anything we have not asked that we should know?
`;

export const DEMO_FORM_YAML_V2 = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
    hint: Let them talk for two minutes before following up.
  - id: priorities
    text: What are the most important priorities for the next 18 months?
    hint: Ask them to rank the top three.
  - id: obstacles
    text: What gets in the way of delivering those priorities?
  - id: customers
    text: How are your customers' needs changing?
  - id: capabilities
    text: Which capabilities does the company lack today?
  - id: technology
    text: Where could technology and automation change how the company works?
    hint: Listen for concrete examples, not general enthusiasm.
  - id: success
    text: What would success look like three years from now?
  - id: anything-else
    text: Is there anything we have not asked that we should know?
`;
