/**
 * The reader's activation formula written as PyTorch, for the "same in PyTorch" block: a walk over
 * mathjs's parse tree (parse only; nothing here evaluates) that maps each whitelisted function to its
 * torch counterpart. Call it only on text the kit's compileFormula accepted.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';

const { parse } = create({ parseDependencies });

/** Functions of the formula whitelist and their torch names (log, min, max and pow are handled apart). */
const TORCH_FUNCTIONS: Readonly<Record<string, string>> = {
  abs: 'torch.abs', sqrt: 'torch.sqrt', exp: 'torch.exp', tanh: 'torch.tanh', sigmoid: 'torch.sigmoid', relu: 'torch.relu',
  sin: 'torch.sin', cos: 'torch.cos', floor: 'torch.floor', ceil: 'torch.ceil', round: 'torch.round',
};

const BINARY: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**', mod: '%' };

/** Python source for a subtree, and whether it is a tensor (it uses a) or a plain float. */
interface Code {
  readonly code: string;
  readonly tensor: boolean;
}

/** A float as a tensor, where a torch function needs one. */
function asTensor(part: Code): string {
  return part.tensor ? part.code : `torch.tensor(${part.code})`;
}

function walk(node: MathNode): Code | undefined {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as MathNode & { value: unknown }).value;
      return typeof value === 'number' && Number.isFinite(value) ? { code: String(value), tensor: false } : undefined;
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if (name === 'a') return { code: 'a', tensor: true };
      if (name === 'pi') return { code: 'math.pi', tensor: false };
      if (name === 'e') return { code: 'math.e', tensor: false };
      return undefined;
    }
    case 'ParenthesisNode': {
      const inner = walk((node as MathNode & { content: MathNode }).content);
      return inner && { code: `(${inner.code})`, tensor: inner.tensor };
    }
    case 'OperatorNode': {
      const { fn, args } = node as MathNode & { fn: string; args: MathNode[] };
      const parts = args.map(walk);
      if (parts.some((part) => part === undefined)) return undefined;
      const [left, right] = parts as Code[];
      const tensor = parts.some((part) => part!.tensor);
      if (args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus')) return { code: `${fn === 'unaryMinus' ? '-' : '+'}${left!.code}`, tensor };
      if (args.length === 2 && Object.hasOwn(BINARY, fn)) return { code: `${left!.code} ${BINARY[fn]} ${right!.code}`, tensor };
      return undefined;
    }
    case 'FunctionNode': {
      const { fn, args } = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
      const name = fn.name ?? '';
      const parts = args.map(walk);
      if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
      const codes = parts as Code[];
      const tensor = codes.some((part) => part.tensor);
      if (Object.hasOwn(TORCH_FUNCTIONS, name) && codes.length === 1) return { code: `${TORCH_FUNCTIONS[name]}(${asTensor(codes[0]!)})`, tensor: true };
      if (name === 'pow' && codes.length === 2) return { code: `((${codes[0]!.code}) ** (${codes[1]!.code}))`, tensor };
      if (name === 'mod' && codes.length === 2) return { code: `((${codes[0]!.code}) % (${codes[1]!.code}))`, tensor };
      if (name === 'log' && codes.length === 1) return { code: `torch.log(${asTensor(codes[0]!)})`, tensor: true };
      if (name === 'log' && codes.length === 2) return { code: `(torch.log(${asTensor(codes[0]!)}) / ${codes[1]!.tensor ? `torch.log(${codes[1]!.code})` : `math.log(${codes[1]!.code})`})`, tensor: true };
      if ((name === 'min' || name === 'max') && codes.length >= 2) {
        const torchName = name === 'min' ? 'torch.minimum' : 'torch.maximum';
        return { code: codes.slice(1).reduce((acc, part) => `${torchName}(${acc}, ${asTensor(part)})`, asTensor(codes[0]!)), tensor: true };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The formula as a Python expression in the tensor a, or undefined where it has no direct translation. */
export function pythonActivation(text: string): string | undefined {
  try {
    return walk(parse(text))?.code;
  } catch {
    return undefined;
  }
}
